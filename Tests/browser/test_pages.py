"""Browser tests: the pages as a user uses them, in headless Chromium through Selenium.

Run by scripts/test against a server it starts (TUOPIN_BROWSER_URL) on a small county it loads, with one
user of each role (password TUOPIN_BROWSER_PASSWORD). Selenium is pointed at /usr/bin/chromedriver and
never downloads a driver.
"""
import base64
import io
import os
import re
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("TUOPIN_BROWSER_URL", "http://127.0.0.1:18090")
PASSWORD = os.environ.get("TUOPIN_BROWSER_PASSWORD", "browser-password-1")
COUNTY = os.environ.get("TUOPIN_BROWSER_COUNTY", "451224")
ROLES = ["admin", "county", "township", "village", "cadre", "inspector", "leader", "evaluator"]


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}",
                 "--lang=zh-CN"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def gone(element):
    """Waits for a page's element to be replaced. Chromium answers a detached node either as stale or with
    "Node with given id does not belong to the document"; both mean the next page is there."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return check


def sign_in_on(driver, username):
    """Signs in on a separate driver (a phone-sized window) and waits for the first page."""
    driver.get(BASE + "/login")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    WebDriverWait(driver, 30).until(gone(page))


# A real 1×1 JPEG, so that the browser decodes it.
PHOTO = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////"
    "wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")


def photo_file():
    """The photo on disk, where a file input can take it."""
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "tuopin-browser-photo.jpg")
    with open(path, "wb") as f:
        f.write(PHOTO)
    return path


class Pages(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.driver.set_page_load_timeout(60)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    # Helpers -------------------------------------------------------------------------------------------

    def open(self, path):
        self.driver.get(BASE + path)
        return self.driver.page_source

    def click_and_wait(self, selector):
        """Clicks a button and waits until the next page has replaced this one."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, selector).click()
        WebDriverWait(self.driver, 30).until(gone(page))

    def sign_in(self, username):
        d = self.driver
        d.delete_all_cookies()
        self.open("/login")
        d.find_element(By.NAME, "username").send_keys(username)
        d.find_element(By.NAME, "password").send_keys(PASSWORD)
        self.click_and_wait("form[action='/login'] button[type=submit]")
        self.assertNotIn("/login", d.current_url, f"{username} did not get past the sign-in page: {self.alert()}")

    def alert(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, "[role=alert], .bad")
        return " / ".join(e.text for e in found)[:300]

    def status_of(self, path):
        """HTTP status of a GET in the signed-in session (fetch from the page, same cookies)."""
        return self.driver.execute_script(f"return fetch({path!r}, {{redirect: 'manual'}}).then(r => r.status)")

    def first_household_path(self, area=COUNTY):
        self.open(f"/areas/{area}")
        link = self.driver.find_element(By.CSS_SELECTOR, "table.households a[href^='/households/']")
        return link.get_attribute("href").replace(BASE, "")

    # Tests ---------------------------------------------------------------------------------------------

    def test_01_every_role_signs_in_and_sees_its_first_page(self):
        for role in ROLES:
            with self.subTest(role=role):
                self.sign_in(role)
                self.assertIn("脱贫攻坚指挥系统", self.driver.title)
                self.assertEqual(self.status_of("/areas"), 200)

    def test_02_search_finds_a_household_by_name(self):
        self.sign_in("county")
        self.open(f"/areas/{COUNTY}")
        first = self.driver.find_elements(By.CSS_SELECTOR, "table.households tbody tr")[-1]
        number = first.find_element(By.CSS_SELECTOR, "td:nth-child(1)").text
        name = first.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text
        box = self.driver.find_element(By.CSS_SELECTOR, "form.filters input[name=q]")
        box.clear()
        box.send_keys(name)
        self.click_and_wait("form.filters button[type=submit]")
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.households tbody tr")]
        self.assertTrue(any(number in r for r in rows), f"{name} ({number}) not found: {rows[:3]}")
        box = self.driver.find_element(By.CSS_SELECTOR, "form.filters input[name=q]")
        box.clear()
        box.send_keys(number)
        self.click_and_wait("form.filters button[type=submit]")
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.households tbody tr")]
        self.assertTrue(rows and all(number in r for r in rows), f"户编号 {number}: {rows[:3]}")
        # The header's search box opens the household a 户编号 names, from any page.
        self.open("/standards")
        header = self.driver.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
        header.send_keys(number)
        self.click_and_wait("header form.search button[type=submit]")
        self.assertIn("/households/", self.driver.current_url)
        self.assertIn(number, self.driver.page_source)

    def test_03_a_household_page_opens_with_members_and_the_exit_test(self):
        self.sign_in("county")
        page = self.open(self.first_household_path())
        self.assertIn("家庭成员", page)
        self.assertIn("脱贫标准核验", page)

    def test_04_the_county_edits_and_saves_a_large_household_form(self):
        self.sign_in("county")
        path = self.first_household_path()
        self.open(path + "/edit")
        d = self.driver
        phone = d.find_element(By.NAME, "phone")
        phone.clear()
        phone.send_keys("13912345678")
        # A large form: every member row is posted with it.
        self.assertGreater(len(d.find_elements(By.CSS_SELECTOR, "form.edit input, form.edit select")), 40)
        d.find_element(By.NAME, "reason").send_keys("浏览器测试：更正电话")
        self.click_and_wait("form.edit button[type=submit]")
        self.assertTrue(d.current_url.endswith(path), f"not saved: {d.current_url} {self.alert()}")
        self.assertIn("13912345678", d.page_source)

    def test_05_a_township_change_is_approved_by_the_county(self):
        self.sign_in("township")
        d = self.driver
        path = self.first_household_path(COUNTY + "100")
        self.open(path + "/edit")
        phone = d.find_element(By.NAME, "phone")
        phone.clear()
        phone.send_keys("13711112222")
        d.find_element(By.NAME, "reason").send_keys("乡镇申请更正电话")
        self.click_and_wait("form.edit button[type=submit]")
        self.assertIn("/changes/", d.current_url, f"no change request: {self.alert()}")
        change = d.current_url.replace(BASE, "")
        self.sign_in("county")
        self.open(change)
        self.click_and_wait(f"form[action='{change}/approve'] button[type=submit]")
        self.assertIn("已通过", d.page_source, self.alert())
        self.assertIn("13711112222", self.open(path))

    def test_06_the_county_sets_a_yearly_plan(self):
        self.sign_in("county")
        d = self.driver
        self.open(f"/areas/{COUNTY}/targets?year=2016")
        for name, value in [(f"h_{COUNTY}000000", "123"), (f"p_{COUNTY}000000", "456")]:
            field = d.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        d.find_element(By.NAME, "reason").send_keys("浏览器测试：下达计划")
        self.click_and_wait("form[action*='/targets'] button[type=submit]")
        self.assertIn("已保存", d.page_source, self.alert())
        self.assertEqual(d.find_element(By.NAME, f"h_{COUNTY}000000").get_attribute("value"), "123")

    def test_07_the_county_adds_a_user(self):
        self.sign_in("county")
        d = self.driver
        self.open("/users")
        for name, value in [("username", "browser-new"), ("name", "新用户"), ("unit", "东兰镇"), ("area", COUNTY + "100")]:
            d.find_element(By.NAME, name).send_keys(value)
        Select(d.find_element(By.NAME, "role")).select_by_value("township")
        self.click_and_wait("form[action='/users'] button[type=submit]")
        self.assertIn("已新建用户 browser-new", d.page_source, self.alert())

    def test_08_a_household_page_prints_as_one_sheet_without_forms(self):
        """一户一档: portrait A4, the unit, village and date in the head, signature lines, no form controls."""
        from pypdf import PdfReader

        self.sign_in("county")
        self.open(self.first_household_path())
        pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
        reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
        pages = len(reader.pages)
        self.assertLessEqual(pages, 3, f"a household prints on {pages} pages")
        box = reader.pages[0].mediabox
        self.assertLess(float(box.width), float(box.height), "portrait")
        self.assertAlmostEqual(float(box.width) / 72 * 25.4, 210, delta=2, msg="A4 width")
        # What is on paper, read in print media (the PDF's CJK text has no text layer to extract).
        d = self.driver
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            text = d.execute_script("return document.body.innerText")
            controls = d.execute_script("""return [...document.querySelectorAll('input:not([type=hidden]), select, button, textarea')]
                .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))""")
        finally:
            d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.assertEqual(controls, [], "form controls on paper")
        for wanted in ["打印单位", "打印日期", "户主签字", "家庭成员"]:
            self.assertIn(wanted, text)
        for control in ["打印本页", "修改户信息", "查找", "退出", "变更记录"]:
            self.assertNotIn(control, text, f"'{control}' is printed")
        self.assertNotIn(".csv", text, "no import file names on paper")

    def test_09_key_pages_fit_a_phone_without_sideways_scrolling(self):
        """390 px wide: the page itself never scrolls sideways (wide tables scroll in their own box)."""
        phone = make_driver(390, 844)
        try:
            def check(path, what):
                phone.get(BASE + path)
                width = phone.execute_script("return document.documentElement.scrollWidth")
                inner = phone.execute_script("return window.innerWidth")
                self.assertLessEqual(width, inner + 1, f"{what} ({path}) is {width} px wide on a {inner} px screen")
                header = phone.execute_script("const h = document.querySelector('header'); return h ? h.getBoundingClientRect().height : 0")
                self.assertLess(header, 260, f"{what}: the header is {header} px tall")

            check("/login", "sign-in")
            phone.find_element(By.NAME, "username").send_keys("county")
            phone.find_element(By.NAME, "password").send_keys(PASSWORD)
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            check(f"/areas/{COUNTY}", "county page")
            phone.get(BASE + f"/areas/{COUNTY}")
            household = phone.find_element(By.CSS_SELECTOR, "table.households a[href^='/households/']").get_attribute("href").replace(BASE, "")
            check(household, "household page")
            check(household + "/edit", "edit form")
            check("/changes", "approvals")
            check(f"/areas/{COUNTY}/targets?year=2016", "targets")
        finally:
            phone.quit()

    def test_10_the_county_records_an_income_year(self):
        self.sign_in("county")
        d = self.driver
        path = self.first_household_path()
        self.open(path + "/edit")
        rows = int(d.find_element(By.NAME, "income_rows").get_attribute("value"))
        blank = rows - 1
        d.find_element(By.NAME, f"i{blank}_income_year").send_keys("2015")
        d.find_element(By.NAME, f"i{blank}_wage_income").send_keys("3,200")
        d.find_element(By.NAME, f"i{blank}_transfer_income").send_keys("abc")
        d.find_element(By.NAME, "reason").send_keys("浏览器测试：补录2015年收入")
        self.click_and_wait("form.edit button[type=submit]")
        self.assertIn("不是数字", self.alert())
        self.assertEqual(d.find_element(By.NAME, f"i{blank}_wage_income").get_attribute("value"), "3,200", "what was typed is kept")
        field = d.find_element(By.NAME, f"i{blank}_transfer_income")
        self.assertEqual(field.get_attribute("aria-invalid"), "true")
        field.clear()
        field.send_keys("800")
        self.click_and_wait("form.edit button[type=submit]")
        self.assertTrue(d.current_url.endswith(path), f"not saved: {d.current_url} {self.alert()}")
        self.assertIn("2015年收入", d.page_source)

    def test_11_a_cadre_logs_a_visit_on_a_phone(self):
        """我的帮扶 on a 390 px screen: the cadre's households, a refused log keeps what was typed, a saved one counts."""
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "cadre")
            phone.get(BASE + "/my")
            self.assertIn("结对帮扶的户", phone.page_source)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            inner = phone.execute_script("return window.innerWidth")
            self.assertLessEqual(width, inner + 1, f"我的帮扶 is {width} px wide on a {inner} px screen")
            options = phone.find_elements(By.CSS_SELECTOR, "select[name=household] option[value]:not([value=''])")
            self.assertTrue(options, "the cadre has paired households")
            options[0].click()
            # The date field stops a future date in the browser (max = today); the server refuses leave that names
            # no approver, keeping what was typed.
            self.assertTrue(phone.find_element(By.NAME, "date").get_attribute("max"))
            phone.find_element(By.CSS_SELECTOR, "select[name=kind] option[value='请假']").click()
            phone.find_element(By.CSS_SELECTOR, "select[name=village] option[value]:not([value=''])").click()
            phone.find_element(By.NAME, "content").send_keys("了解务工和收入情况")
            phone.find_element(By.NAME, "problems").send_keys("住房漏雨")
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, "form[action='/my/logs'] button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertEqual(phone.find_element(By.NAME, "approvedBy").get_attribute("aria-invalid"), "true")
            self.assertEqual(phone.find_element(By.NAME, "content").get_attribute("value"), "了解务工和收入情况", "what was typed is kept")
            phone.find_element(By.CSS_SELECTOR, "select[name=kind] option[value='入户走访']").click()
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, "form[action='/my/logs'] button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("saved=1", phone.current_url)
            self.assertIn("了解务工和收入情况", phone.page_source)
            self.assertIn("本期走访 1 次", phone.page_source)
        finally:
            phone.quit()

    def test_12_the_county_sees_who_fell_short_and_which_posts_are_empty(self):
        self.sign_in("county")
        source = self.open(f"/duty?period=2016-07&area={COUNTY}")
        self.assertIn("履职情况", source)
        self.assertIn("责任覆盖", source)
        self.assertIn("未达标", source)
        self.assertIn("在村天数", source)
        self.assertEqual(self.status_of("/duty.csv?period=2016-07"), 200)
        self.open("/duty?period=2016-13")
        self.assertIn("period", self.alert() or self.driver.page_source)

    def test_13_a_helper_adds_a_measure_to_the_household_plan(self):
        """帮扶行动计划 beside the verdict: a bad amount is named and the text kept; a good one is saved and listed."""
        self.sign_in("cadre")
        d = self.driver
        self.open("/my")
        household = d.find_element(By.CSS_SELECTOR, "main ul a[href^='/households/']").get_attribute("href").replace(BASE, "")
        self.open(household)
        self.assertIn("帮扶行动计划", d.page_source)
        d.find_element(By.CSS_SELECTOR, "form[action$='/plan'] select[name=kind] option[value='产业'], form[action$='/plan'] select[name=kind] option").click()
        d.find_element(By.CSS_SELECTOR, "form[action$='/plan'] input[name=content]").send_keys("发展肉牛养殖")
        d.find_element(By.CSS_SELECTOR, "form[action$='/plan'] input[name=expected_income]").send_keys("三千元")
        self.click_and_wait("form[action$='/plan'] button[type=submit]")
        field = d.find_element(By.CSS_SELECTOR, "form[action$='/plan'] input[name=expected_income]")
        self.assertEqual(field.get_attribute("aria-invalid"), "true")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "form[action$='/plan'] input[name=content]").get_attribute("value"), "发展肉牛养殖")
        field.clear()
        field.send_keys("3000")
        self.click_and_wait("form[action$='/plan'] button[type=submit]")
        self.assertIn("发展肉牛养殖", d.find_element(By.ID, "plan").text)

    def test_14_the_county_changes_a_households_helper(self):
        """帮扶责任人 on the household page: an unknown phone is named and the reason kept; a real cadre takes over."""
        self.sign_in("county")
        d = self.driver
        self.open(f"/areas/{COUNTY}")
        links = [a.get_attribute("href").replace(BASE, "") for a in d.find_elements(By.CSS_SELECTOR, "table.households a[href^='/households/']")]
        self.assertGreater(len(links), 8)
        self.open(links[8])
        helper = d.find_element(By.XPATH, "//h2[text()='帮扶责任人']/following-sibling::table[1]//tbody/tr[1]/td[3]").text
        self.open(links[0])
        d.find_element(By.CSS_SELECTOR, "form[action$='/helper'] input[name=phone]").send_keys("13900000000")
        d.find_element(By.CSS_SELECTOR, "form[action$='/helper'] input[name=reason]").send_keys("干部调动")
        self.click_and_wait("form[action$='/helper'] button[type=submit]")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "form[action$='/helper'] input[name=phone]").get_attribute("aria-invalid"), "true")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "form[action$='/helper'] input[name=reason]").get_attribute("value"), "干部调动")
        phone = d.find_element(By.CSS_SELECTOR, "form[action$='/helper'] input[name=phone]")
        phone.clear()
        phone.send_keys(helper)
        self.click_and_wait("form[action$='/helper'] button[type=submit]")
        self.assertTrue(d.current_url.endswith(links[0]), f"not saved: {d.current_url} {self.alert()}")
        self.assertIn("干部调动", d.page_source)

    def test_15_the_county_edits_a_cadre_from_the_roster(self):
        """干部名单 → a cadre: a bad phone is named at its field and what was typed stays; a good edit saves."""
        self.sign_in("county")
        d = self.driver
        self.open(f"/duty?area={COUNTY}")
        self.click_and_wait("a[href^='/cadres?area=']")
        self.assertIn("干部名单", d.title)
        self.click_and_wait("table a[href^='/cadres/']")
        form = "form#details"
        post = d.find_element(By.CSS_SELECTOR, f"{form} input[name=post]")
        post.clear()
        post.send_keys("股长")
        phone = d.find_element(By.CSS_SELECTOR, f"{form} input[name=phone]")
        good = phone.get_attribute("value")
        phone.clear()
        phone.send_keys("12345")
        d.find_element(By.CSS_SELECTOR, f"{form} input[name=reason]").send_keys("职务变动")
        self.click_and_wait(f"{form} button[type=submit]")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=phone]").get_attribute("aria-invalid"), "true")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=post]").get_attribute("value"), "股长")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=reason]").get_attribute("value"), "职务变动")
        phone = d.find_element(By.CSS_SELECTOR, f"{form} input[name=phone]")
        phone.clear()
        phone.send_keys(good)
        self.click_and_wait(f"{form} button[type=submit]")
        self.assertIn("saved=1", d.current_url, self.alert())
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=post]").get_attribute("value"), "股长")
        # The ID number (for the 公职人员 leak rule): a wrong check digit is named at its field; the right one saves.
        number = d.find_element(By.CSS_SELECTOR, f"{form} input[name=id_number]")
        number.clear()
        number.send_keys("452702198003120619")
        d.find_element(By.CSS_SELECTOR, f"{form} input[name=reason]").send_keys("登记证件号码")
        self.click_and_wait(f"{form} button[type=submit]")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=id_number]").get_attribute("aria-invalid"), "true")
        self.assertIn("校验", d.find_element(By.ID, "f-id_number-fault").text)
        number = d.find_element(By.CSS_SELECTOR, f"{form} input[name=id_number]")
        number.clear()
        number.send_keys("452702198003120618")
        self.click_and_wait(f"{form} button[type=submit]")
        self.assertIn("saved=1", d.current_url, self.alert())
        self.assertEqual(d.find_element(By.CSS_SELECTOR, f"{form} input[name=id_number]").get_attribute("value"), "452702198003120618")

    def test_16_the_area_plan_and_progress_table_fit_a_phone(self):
        """脱贫计划与进度 from the county page, on a 390 px screen, with the quarterly progress table."""
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "leader")
            phone.get(BASE + f"/areas/{COUNTY}/plan?year=2016")
            self.assertIn("工作进度表", phone.page_source)
            self.assertIn("全年", phone.find_element(By.XPATH, "//h2[contains(text(), '工作进度表')]/following-sibling::table[1]").text)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            inner = phone.execute_script("return window.innerWidth")
            self.assertLessEqual(width, inner + 1, f"the plan page is {width} px wide on a {inner} px screen")
        finally:
            phone.quit()

    def test_17_an_unannounced_visit_from_the_draw_to_a_closed_problem(self):
        """暗访: the inspector draws a sample and records a finding on a phone; the county claims and applies;
        the inspector returns it once and closes it; the county (the rectifier) is never offered the close."""
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "inspector")
            phone.get(BASE + "/inspections")
            form = phone.find_element(By.ID, "inspection-form")
            form.find_element(By.NAME, "title").send_keys("浏览器暗访")
            form.find_element(By.NAME, "area").send_keys(COUNTY)
            page = phone.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            draw = phone.find_element(By.ID, "draw-form")
            for name, value in [("villages", "2"), ("households", "4"), ("seed", "11")]:
                field = draw.find_element(By.NAME, name)
                field.clear()
                field.send_keys(value)
            page = phone.find_element(By.TAG_NAME, "html")
            draw.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("种子 11", phone.page_source)
            phone.get(phone.find_element(By.LINK_TEXT, "记录问题").get_attribute("href"))
            finding = phone.find_element(By.ID, "problem-form")
            Select(finding.find_element(By.NAME, "category")).select_by_visible_text("查帮扶措施")
            finding.find_element(By.NAME, "description").send_keys("帮扶手册填写与实际不符")
            finding.find_element(By.NAME, "files[]").send_keys(photo_file())
            width = phone.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the finding form fits a phone")
            page = phone.find_element(By.TAG_NAME, "html")
            finding.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("/problems/", phone.current_url)
            problem = phone.current_url.split("?")[0].replace(BASE, "")
            thumb = WebDriverWait(phone, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "img.thumb"))
            WebDriverWait(phone, 10).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", thumb))
            self.assertEqual(phone.execute_script("return arguments[0].naturalWidth", thumb), 1, "the photo taken at the household shows")
        finally:
            phone.quit()

        def step(action, fields):
            form = self.driver.find_element(By.ID, f"step-{action}")
            for name, value in fields.items():
                form.find_element(By.NAME, name).send_keys(value)
            self.click_and_wait(f"#step-{action} button[type=submit]")

        self.sign_in("county")
        self.open(problem)
        step("claim", {"unit": "县教育局"})
        step("apply", {"evidence": "逐户核对帮扶手册，已重新填写并签字"})
        self.assertIn("申请销号", self.driver.page_source)
        self.assertEqual(self.driver.find_elements(By.ID, "step-close"), [], "the rectifier is not offered the close")
        self.sign_in("inspector")
        self.open(problem)
        step("return", {"note": "缺少户主签字照片"})
        self.sign_in("county")
        self.open(problem)
        step("apply", {"evidence": "补充户主签字照片", "files[]": photo_file()})
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "ul.attachments li")), 2, "the finding's photo and the evidence")
        self.sign_in("inspector")
        self.open(problem)
        step("close", {"note": "核实无误"})
        text = self.driver.find_element(By.TAG_NAME, "body").text
        self.assertIn("已销号", text)
        self.assertIn("缺少户主签字照片", text, "the return stays in the history")
        self.open("/bulletin")
        self.assertIn("脱贫攻坚督查通报", self.driver.page_source)
        self.assertIn("一、总体情况", self.driver.find_element(By.CLASS_NAME, "bulletin").text)

    def test_18_a_village_proposes_a_project_and_the_county_finds_idle_money(self):
        """项目库 and 资金报账: a village proposes on a phone (a bad amount is named, the name kept); the county reviews and
        posts it and is told it cannot enter the pool before 10 days; registers a source, allocates money that then
        sits idle, and lists it as a problem."""
        import datetime
        today = datetime.date.today()
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "village")
            phone.get(BASE + "/projects/new")
            form = phone.find_element(By.ID, "project-form")
            for name, value in {"name": "浏览器测试百香果基地", "unit": "东兰镇人民政府", "tasks": "种植百香果200亩", "planned": "五十万",
                                "funding": "整合资金50万", "beneficiaries": "30", "targets": "带动贫困户40户增收", "mechanism": "务工和分红"}.items():
                form.find_element(By.NAME, name).send_keys(value)
            Select(form.find_element(By.NAME, "category")).select_by_value("产业发展")
            Select(form.find_element(By.NAME, "nature")).select_by_value("新建")
            for name, date in {"start": today - datetime.timedelta(days=30), "end": today + datetime.timedelta(days=200)}.items():
                phone.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, name), date.isoformat())
            page = phone.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            form = phone.find_element(By.ID, "project-form")
            self.assertEqual(form.find_element(By.NAME, "planned").get_attribute("aria-invalid"), "true")
            self.assertEqual(form.find_element(By.NAME, "name").get_attribute("value"), "浏览器测试百香果基地")
            width = phone.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the form fits the phone")
            planned = form.find_element(By.NAME, "planned")
            planned.clear()
            planned.send_keys("500000")
            page = phone.find_element(By.TAG_NAME, "html")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("saved=1", phone.current_url, phone.find_element(By.TAG_NAME, "body").text[:300])
            project = phone.current_url.replace(BASE, "").split("?")[0]
            self.assertEqual(phone.find_element(By.CSS_SELECTOR, ".lifecycle .current").text, "申报")
        finally:
            phone.quit()

        d = self.driver
        self.sign_in("county")
        self.open(project)
        for _ in range(3):
            self.click_and_wait("#step-advance button[type=submit]")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".lifecycle .current").text, "公示中")
        self.click_and_wait("#step-advance button[type=submit]")
        self.assertIn("公示不少于10天", d.find_element(By.ID, "step-fault").text)

        self.open("/funds")
        form = d.find_element(By.ID, "source-form")
        Select(form.find_element(By.NAME, "kind")).select_by_value("县级财政专项")
        for name, value in {"document": "浏览器测试〔2026〕1号", "title": "测试资金", "amount": "2000000"}.items():
            form.find_element(By.NAME, name).send_keys(value)
        d.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "issued"), (today - datetime.timedelta(days=200)).isoformat())
        self.click_and_wait("#source-form button[type=submit]")
        self.assertIn("saved=source", d.current_url, self.alert())
        form = d.find_element(By.ID, "allocation-form")
        Select(form.find_element(By.NAME, "source")).select_by_index(1)
        for name, value in {"area": "451224100", "amount": "3000000", "unit": "东兰镇人民政府"}.items():
            form.find_element(By.NAME, name).send_keys(value)
        d.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "date"), (today - datetime.timedelta(days=120)).isoformat())
        self.click_and_wait("#allocation-form button[type=submit]")
        amount = d.find_element(By.CSS_SELECTOR, "#allocation-form input[name=amount]")
        self.assertEqual(amount.get_attribute("aria-invalid"), "true", "more than the source holds")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#allocation-form input[name=unit]").get_attribute("value"), "东兰镇人民政府")
        amount.clear()
        amount.send_keys("1000000")
        self.click_and_wait("#allocation-form button[type=submit]")
        self.assertIn("saved=allocation", d.current_url, self.alert())
        idle = d.find_element(By.ID, "idle-funds").text
        self.assertIn("浏览器测试〔2026〕1号", idle)
        self.assertIn("0.0%", idle)
        self.click_and_wait("form[action='/funds/flag'] button[type=submit]")
        self.assertIn("已列入问题清单 1 个", d.find_element(By.CLASS_NAME, "notice").text)

    def test_19_the_county_verifies_a_leak_and_the_household_shows_its_ledger(self):
        """防漏疑点: a payment made twice in a month is listed with its reason; a decision without a reason is refused and
        keeps the choice; a good one is saved; the household page shows the payments by year (防漏表)."""
        d = self.driver
        self.sign_in("county")
        self.open("/leaks?year=2016&area=451224")
        row = d.find_element(By.XPATH, "//table[@id='leaks']//tr[td[contains(., '重复发放')]]")
        self.assertIn("2016年5月发放2次", row.text)
        form_id = row.find_element(By.TAG_NAME, "form").get_attribute("id")
        Select(d.find_element(By.CSS_SELECTOR, f"#{form_id} select[name=outcome]")).select_by_value("追回资金")
        self.click_and_wait(f"#{form_id} button[type=submit]")
        reason = d.find_element(By.CSS_SELECTOR, f"#{form_id} input[name=reason]")
        self.assertEqual(reason.get_attribute("aria-invalid"), "true")
        self.assertEqual(Select(d.find_element(By.CSS_SELECTOR, f"#{form_id} select[name=outcome]")).first_selected_option.text, "追回资金")
        reason.send_keys("乡镇财政所重复录入，已追回")
        self.click_and_wait(f"#{form_id} button[type=submit]")
        self.assertIn("saved=1", d.current_url, self.alert())
        row = d.find_element(By.XPATH, "//table[@id='leaks']//tr[td[contains(., '重复发放')]]")
        self.assertIn("追回资金", row.text)
        self.click_and_wait("table#leaks a[href^='/households/']")
        ledger = d.find_element(By.ID, "ledger").text
        self.assertIn("2016年：2 笔，合计 3,000 元", ledger)
        self.assertIn("产业奖补", ledger)

    def test_20_the_county_prints_a_notice_and_records_its_posting(self):
        """公告公示 (after test 18 registered and allocated money): the allocation result is overdue, prints as a
        notice-board sheet with the results and the complaint line, and its posting is recorded."""
        d = self.driver
        self.sign_in("county")
        self.open("/notices")
        row = d.find_element(By.XPATH, "//table[@id='notices']//tr[td[contains(., '浏览器测试〔2026〕1号')]]")
        self.assertIn("逾期未张贴", row.text)
        page = d.find_element(By.TAG_NAME, "html")
        row.find_element(By.TAG_NAME, "a").click()
        WebDriverWait(d, 30).until(gone(page))
        sheet = d.find_element(By.CLASS_NAME, "notice-sheet").text
        self.assertIn("分配结果", sheet)
        self.assertIn("12317", sheet)
        d.find_element(By.CSS_SELECTOR, "#notice-post input[name=place]").send_keys("县政府公示栏")
        self.click_and_wait("#notice-post button[type=submit]")
        self.assertIn("saved=1", d.current_url, self.alert())
        self.assertIn("县政府公示栏", d.find_element(By.TAG_NAME, "body").text)
        self.assertEqual(d.find_elements(By.ID, "notice-post"), [], "posted once")

    def test_21_a_township_verifies_a_matching_flag_on_a_phone(self):
        """信息比对 on a 390 px screen: the death record shows with its explanation; 属实 without a reason is refused and
        keeps the choice; with one it is saved and points to the household page."""
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "township")
            phone.get(BASE + "/match?year=2016&area=451224100")
            row = phone.find_element(By.XPATH, "//table[@id='match']//tr[td[contains(., '已死亡仍在户')]]")
            self.assertIn("2016-03-02死亡", row.text)
            form_id = row.find_element(By.TAG_NAME, "form").get_attribute("id")
            Select(phone.find_element(By.CSS_SELECTOR, f"#{form_id} select[name=outcome]")).select_by_value("属实")
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, f"#{form_id} button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            reason = phone.find_element(By.CSS_SELECTOR, f"#{form_id} input[name=reason]")
            self.assertEqual(reason.get_attribute("aria-invalid"), "true")
            self.assertEqual(Select(phone.find_element(By.CSS_SELECTOR, f"#{form_id} select[name=outcome]")).first_selected_option.text, "属实")
            reason.send_keys("入户核实，已于三月病故")
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, f"#{form_id} button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("saved=1", phone.current_url)
            row = phone.find_element(By.XPATH, "//table[@id='match']//tr[td[contains(., '已死亡仍在户')]]")
            self.assertIn("到户页办理更正或剔除", row.text)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the page itself does not scroll sideways")
        finally:
            phone.quit()

    def test_22_the_county_issues_a_months_work_list_that_prints(self):
        """月工作清单: a task without a unit is refused with the task kept; with one it joins the month's list, which
        links to the task's own page and prints as a document."""
        self.sign_in("county")
        self.open("/worklist")
        form = self.driver.find_element(By.ID, "task-form")
        form.find_element(By.NAME, "task").send_keys("完成全县帮扶手册核对")
        Select(form.find_element(By.NAME, "category")).select_by_visible_text("查帮扶措施")
        self.click_and_wait("#task-form button[type=submit]")
        unit = self.driver.find_element(By.CSS_SELECTOR, "#task-form input[name=unit]")
        self.assertEqual(unit.get_attribute("aria-invalid"), "true")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "#task-form textarea[name=task]").get_attribute("value"), "完成全县帮扶手册核对")
        unit.send_keys("县扶贫办")
        self.click_and_wait("#task-form button[type=submit]")
        self.assertIn("saved=1", self.driver.current_url)
        table = self.driver.find_element(By.ID, "work-list")
        self.assertIn("完成全县帮扶手册核对", table.text)
        self.assertIn("县扶贫办", table.text)
        self.assertIn("工作清单", self.driver.find_element(By.CLASS_NAME, "bulletin-title").text)
        self.driver.find_element(By.LINK_TEXT, "完成全县帮扶手册核对").click()
        WebDriverWait(self.driver, 10).until(lambda d: "/problems/" in d.current_url)
        self.assertIn("月工作清单", self.driver.find_element(By.TAG_NAME, "body").text)

    def test_23_a_pre_evaluation_is_drawn_and_interviewed_on_a_phone(self):
        """县级预评估: the county draws a sample for the evaluator; on a 390 px screen the evaluator opens a sampled
        household, a verdict is required, the interview is saved; the county sees the rates with their interval."""
        self.sign_in("county")
        self.open("/evaluations")
        form = self.driver.find_element(By.ID, "evaluation-form")
        form.find_element(By.NAME, "title").send_keys("浏览器预评估")
        form.find_element(By.NAME, "team").send_keys("evaluator")
        form.find_element(By.NAME, "villages").send_keys("3")
        form.find_element(By.NAME, "per_village").send_keys("3,2,0")
        form.find_element(By.NAME, "seed").send_keys("11")
        self.click_and_wait("#evaluation-form button[type=submit]")
        evaluation = self.driver.current_url.split("?")[0].replace(BASE, "")
        self.assertRegex(evaluation, r"^/evaluations/[0-9]+$")
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "evaluator")
            phone.get(BASE + evaluation)
            phone.find_element(By.LINK_TEXT, "调查").click()
            WebDriverWait(phone, 10).until(lambda d: "/interviews/" in d.current_url)
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, "#interview-form button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            verdict = phone.find_element(By.CSS_SELECTOR, "#interview-form select[name=verdict]")
            self.assertEqual(verdict.get_attribute("aria-invalid"), "true", "a verdict is required")
            Select(verdict).select_by_index(1)
            for i in range(4):
                Select(phone.find_element(By.CSS_SELECTOR, f"#interview-form select[name=approval{i}]")).select_by_visible_text("认可")
            width = phone.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the interview form fits a phone")
            page = phone.find_element(By.TAG_NAME, "html")
            phone.find_element(By.CSS_SELECTOR, "#interview-form button[type=submit]").click()
            WebDriverWait(phone, 30).until(gone(page))
            self.assertIn("done=", phone.current_url)
        finally:
            phone.quit()
        self.open(evaluation)
        rates = self.driver.find_element(By.ID, "rates").text
        self.assertIn("群众认可度 100%", rates)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "svg.interval")) >= 1, True)

    def test_24_a_village_team_finds_a_data_quality_fault_on_a_phone(self):
        """数据质量: on a 390 px screen the village team sees the count on its village page, opens the report, finds
        the household whose B-grade house is marked as rebuilt, and opens it: its page lists the finding."""
        phone = make_driver(390, 844)
        try:
            sign_in_on(phone, "village")
            phone.get(BASE + "/areas")
            phone.find_element(By.CSS_SELECTOR, "main a[href^='/areas/451224']").click()
            WebDriverWait(phone, 10).until(lambda d: d.find_elements(By.ID, "quality-line") or d.find_elements(By.CSS_SELECTOR, "main a[href^='/areas/4512']"))
            while not phone.find_elements(By.ID, "quality-line"):
                phone.find_element(By.CSS_SELECTOR, "main a[href^='/areas/4512']").click()
            line = phone.find_element(By.ID, "quality-line")
            self.assertIn("1 条待核对", line.text)
            line.find_element(By.TAG_NAME, "a").click()
            WebDriverWait(phone, 10).until(lambda d: "/quality" in d.current_url)
            self.assertEqual(phone.find_element(By.ID, "quality-count").text, "1")
            row = phone.find_element(By.CSS_SELECTOR, "#quality tbody tr")
            self.assertIn("住房等级与危房改造不符", row.text)
            self.assertIn("只适用于C、D级危房", row.text)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the report fits a phone")
            row.find_element(By.TAG_NAME, "a").click()
            WebDriverWait(phone, 10).until(lambda d: "/households/" in d.current_url)
            flags = phone.find_element(By.XPATH, "//h2[@id='household-flags']/following-sibling::div[1]")
            self.assertIn("住房等级与危房改造不符", flags.text, "the household page lists its finding")
        finally:
            phone.quit()

    def test_25_the_county_appeals_a_finding_with_evidence_and_the_team_withdraws_it(self):
        """申诉举证: the evaluator finds an exit wrong and publishes the feedback (confirming the dialog); the county appeals
        with a photo of the evidence on a 390 px phone; the team withdraws the finding and the rate falls."""
        self.sign_in("county")
        self.open("/evaluations")
        form = self.driver.find_element(By.ID, "evaluation-form")
        form.find_element(By.NAME, "title").send_keys("浏览器申诉演练")
        form.find_element(By.NAME, "team").send_keys("evaluator")
        form.find_element(By.NAME, "villages").send_keys("2")
        form.find_element(By.NAME, "per_village").send_keys("1,0,0")
        form.find_element(By.NAME, "seed").send_keys("25")
        self.click_and_wait("#evaluation-form button[type=submit]")
        evaluation = self.driver.current_url.split("?")[0].replace(BASE, "")
        team = make_driver()
        try:
            sign_in_on(team, "evaluator")
            team.get(BASE + evaluation + "/interviews/1")
            Select(team.find_element(By.CSS_SELECTOR, "#interview-form select[name=verdict]")).select_by_visible_text("错退")
            team.find_element(By.CSS_SELECTOR, "#interview-form textarea[name=note], #interview-form input[name=note]").send_keys("务工收入不稳定")
            page = team.find_element(By.TAG_NAME, "html")
            team.find_element(By.CSS_SELECTOR, "#interview-form button[type=submit]").click()
            WebDriverWait(team, 30).until(gone(page))
            page = team.find_element(By.TAG_NAME, "html")
            team.find_element(By.CSS_SELECTOR, "#advance-form button[type=submit]").click()
            WebDriverWait(team, 10).until(lambda d: d.switch_to.alert)
            team.switch_to.alert.accept()
            WebDriverWait(team, 30).until(gone(page))
            phone = make_driver(390, 844)
            try:
                sign_in_on(phone, "county")
                phone.get(BASE + evaluation)
                appeal = phone.find_element(By.ID, "appeal-1")
                appeal.find_element(By.NAME, "reason").send_keys("该户家庭成员在县城稳定务工，附工资流水")
                appeal.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(photo_file())
                page = phone.find_element(By.TAG_NAME, "html")
                appeal.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                WebDriverWait(phone, 30).until(gone(page))
                row = phone.find_element(By.ID, "s1")
                self.assertIn("已申诉", row.text)
                self.assertEqual(len(row.find_elements(By.CSS_SELECTOR, "ul.attachments img")), 1, "the evidence is shown with the appeal")
                width = phone.execute_script("return document.documentElement.scrollWidth")
                self.assertLessEqual(width, phone.execute_script("return window.innerWidth") + 1, "the page fits a phone")
            finally:
                phone.quit()
            team.get(BASE + evaluation)
            decide = team.find_element(By.ID, "decide-1")
            Select(decide.find_element(By.NAME, "decision")).select_by_visible_text("撤销")
            decide.find_element(By.NAME, "note").send_keys("证据属实")
            page = team.find_element(By.TAG_NAME, "html")
            decide.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(team, 30).until(gone(page))
            self.assertIn("撤销，证据属实", team.find_element(By.ID, "s1").text)
            self.assertIn("错退率 0%", team.find_element(By.ID, "rates").text)
        finally:
            team.quit()

    def test_26_the_county_divides_a_problem_between_two_units(self):
        """分办: a problem listed by the county is divided between two units, each with its own deadline; a row
        without its deadline is refused with both units kept; then each unit has its own problem, and the page of the
        second names the first."""
        import datetime
        d = self.driver
        self.sign_in("county")
        self.open("/problems/new")
        form = d.find_element(By.ID, "problem-form")
        Select(form.find_element(By.NAME, "source")).select_by_visible_text("群众举报")
        form.find_element(By.NAME, "area").clear()
        form.find_element(By.NAME, "area").send_keys(COUNTY)
        Select(form.find_element(By.NAME, "category")).select_by_visible_text("查政策落实")
        form.find_element(By.NAME, "description").send_keys("教育资助和医疗救助均未到户")
        self.click_and_wait("#problem-form button[type=submit]")
        self.assertIn("/problems/", d.current_url, self.alert())
        problem = d.current_url.split("?")[0].replace(BASE, "")
        today = datetime.date.today()
        form = d.find_element(By.ID, "step-divide")
        form.find_element(By.NAME, "unit_0").send_keys("县教育局")
        d.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "deadline_0"), (today + datetime.timedelta(days=15)).isoformat())
        form.find_element(By.NAME, "unit_1").send_keys("县卫生健康局")
        self.click_and_wait("#step-divide button[type=submit]")
        form = d.find_element(By.ID, "step-divide")
        self.assertEqual(form.find_element(By.NAME, "deadline_1").get_attribute("aria-invalid"), "true", "the row without a deadline is named")
        self.assertEqual(form.find_element(By.NAME, "unit_1").get_attribute("value"), "县卫生健康局", "what was typed stays")
        self.assertEqual(form.find_element(By.NAME, "unit_0").get_attribute("value"), "县教育局")
        d.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "deadline_0"), (today + datetime.timedelta(days=15)).isoformat())
        d.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "deadline_1"), (today + datetime.timedelta(days=30)).isoformat())
        self.click_and_wait("#step-divide button[type=submit]")
        table = d.find_element(By.ID, "divided").find_element(By.XPATH, "following-sibling::table[1]")
        self.assertIn("县教育局", table.text)
        self.assertIn("县卫生健康局", table.text)
        self.assertIn((today + datetime.timedelta(days=30)).isoformat(), table.text)
        link = [a for a in table.find_elements(By.CSS_SELECTOR, "a[href^='/problems/']") if a.get_attribute("href").replace(BASE, "") != problem][0]
        link.click()
        WebDriverWait(d, 10).until(lambda x: x.current_url.split("?")[0].replace(BASE, "") != problem)
        body = d.find_element(By.TAG_NAME, "body").text
        self.assertIn("分办自", body)
        self.assertIn("县卫生健康局", body)
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "dl.facts a[href='%s']" % problem).text, "问题 " + problem.split("/")[-1])


if __name__ == "__main__":
    unittest.main(verbosity=2)
