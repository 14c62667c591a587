import TuopinDomain

/// Surnames and given-name characters for generated people, with regional surnames
/// (Zhuang surnames in Guangxi, Yi surnames in Liangshan) so that a county looks like itself.
enum NamePool {
    static let commonSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                 "郭", "何", "罗", "高", "林", "梁", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭", "曾"]
    static let regionalSurnames: [String: [String]] = [
        "45": ["韦", "覃", "黄", "蓝", "莫", "陆", "农", "廖", "潘", "班", "牙", "卢"],
        "51": ["吉", "阿", "沙", "马", "曲", "海", "罗", "杨", "王", "李"],
        "52": ["杨", "吴", "龙", "王", "罗", "陈", "石", "潘"],
        "53": ["李", "杨", "张", "普", "罗", "王", "字", "何"],
        "62": ["马", "王", "张", "李", "赵", "杨", "刘", "妥"],
    ]
    static let male = Array("伟军华明强国平建志勇永海金贵福德成文光清荣林云安富山春")
    static let female = Array("芳秀英玉兰花梅丽美凤珍红燕霞琴桂萍娟香莲菊翠云")

    static func surname(province: String, using r: inout SeededRandom) -> String {
        if let regional = regionalSurnames[province], r.chance(0.7) { return r.pick(regional) }
        return r.pick(commonSurnames)
    }

    static func given(_ sex: Character, using r: inout SeededRandom) -> String {
        let pool = sex == "m" ? male : female
        let n = r.chance(0.35) ? 1 : 2
        return String((0..<n).map { _ in r.pick(pool) })
    }

    /// Ethnic groups in plausible shares for the province.
    static func ethnicities(province: String) -> [(String, Double)] {
        switch province {
        case "45": [("壮族", 0.62), ("汉族", 0.28), ("瑶族", 0.08), ("仫佬族", 0.02)]
        case "51": [("汉族", 0.55), ("彝族", 0.35), ("藏族", 0.10)]
        case "52": [("汉族", 0.55), ("苗族", 0.25), ("布依族", 0.15), ("侗族", 0.05)]
        case "53": [("汉族", 0.6), ("彝族", 0.2), ("哈尼族", 0.1), ("傣族", 0.1)]
        case "62": [("汉族", 0.8), ("回族", 0.15), ("东乡族", 0.05)]
        default: [("汉族", 0.95), ("其他", 0.05)]
        }
    }

    /// 村名 — two syllables of the kind Guangxi and Guizhou villages bear, and 村.
    static let villageFirst = Array("巴那弄坡板拉百六陇岜纳江长东平上下新龙凤红福安和兴永高石水山金银坤文加内更达")
    static let villageSecond = Array("畴坡湾桥洞岭塘寨屯平峒江林坪口头田岩源庄里洪好烈亭旺联合")

    static func village(using r: inout SeededRandom) -> String {
        var first = r.pick(villageFirst), second = r.pick(villageSecond)
        while second == first { second = r.pick(villageSecond) }
        if first == second { first = "新" }
        return "\(first)\(second)村"
    }
}
