/// The one stylesheet, served at /assets/app.css. System fonts only (intranet, no downloads);
/// tables print on A4 with the header row repeated on each page.
public enum Stylesheet {
    public static let css = """
    :root { --ink:#1d2329; --muted:#5c6670; --line:#d5dae0; --accent:#b3261e; --bg:#f6f7f9; --ok:#1e7b34; --warn:#a15c00; }
    * { box-sizing: border-box; }
    body { margin:0; font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei","Source Han Sans SC",sans-serif; color:var(--ink); background:var(--bg); font-size:15px; line-height:1.5; }
    header.top { background:var(--accent); color:#fff; padding:.6rem 1.2rem; display:flex; gap:1rem; align-items:baseline; }
    header.top a.brand { color:#fff; font-weight:700; text-decoration:none; font-size:1.1rem; }
    header.top .sub { opacity:.85; }
    header.top .who { margin-left:auto; display:flex; gap:1rem; align-items:center; }
    header.top .who a { color:#fff; }
    form.inline { display:inline; margin:0; } header.top form.inline button { background:#fff; color:var(--accent); padding:.1rem .6rem; }
    header.top form.search { display:inline-flex; gap:.2rem; } header.top form.search input { padding:.1rem .4rem; }
    nav.crumbs { padding:.5rem 1.2rem; color:var(--muted); font-size:.9rem; }
    nav.crumbs a { color:var(--muted); }
    main { padding:0 1.2rem 2rem; max-width:1400px; }
    h1 { font-size:1.4rem; margin:.3rem 0 1rem; }
    h2 { font-size:1.1rem; margin:1.5rem 0 .5rem; border-left:4px solid var(--accent); padding-left:.5rem; }
    table { border-collapse:collapse; background:#fff; width:100%; margin-bottom:1rem; }
    th, td { border:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top; }
    th { background:#eef1f4; font-weight:600; white-space:nowrap; }
    td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
    tr:nth-child(even) td { background:#fafbfc; }
    .stats { display:flex; flex-wrap:wrap; gap:.8rem; margin-bottom:1rem; }
    .stat { background:#fff; border:1px solid var(--line); padding:.5rem .9rem; min-width:9rem; }
    .stat b { display:block; font-size:1.3rem; } a.stat { display:block; color:inherit; text-decoration:none; } a.stat:hover { border-color:var(--accent); }
    .stat span { color:var(--muted); font-size:.85rem; }
    form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; background:#fff; border:1px solid var(--line); padding:.6rem; margin-bottom:.8rem; }
    form.edit label { display:inline-flex; flex-direction:column; font-size:.85rem; color:var(--muted); margin:0 .6rem .6rem 0; }
    form.edit td select, form.edit td input { max-width:9rem; }
    form.filters label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); }
    form.stack { display:flex; flex-direction:column; gap:.6rem; background:#fff; border:1px solid var(--line); padding:.8rem; max-width:40rem; min-width:0; box-sizing:border-box; }
    form.stack label { display:flex; flex-direction:column; font-size:.9rem; color:var(--muted); min-width:0; }
    form.stack label:has(input[type=checkbox]) { flex-direction:row; align-items:center; gap:.4rem; }
    form.stack input, form.stack select, form.stack textarea { font-size:1rem; padding:.45rem; width:100%; min-width:0; max-width:100%; box-sizing:border-box; }
    form.stack input[type=checkbox] { width:auto; }
    form.stack .share { display:grid; grid-template-columns:minmax(0,2fr) minmax(0,1fr); gap:.6rem; }
    .cols { display:flex; flex-wrap:wrap; gap:0 2.5rem; } .cols h3 { margin:.4rem 0 0; font-size:1rem; }
    form.stack button { font-size:1rem; padding:.6rem 1rem; align-self:flex-start; }
    ul.inline-list { display:flex; flex-wrap:wrap; gap:.3rem 1.2rem; list-style:none; padding:0; }
    input, select, button { font:inherit; padding:.25rem .4rem; }
    button { background:var(--accent); color:#fff; border:0; padding:.35rem .9rem; cursor:pointer; }
    .ok { color:var(--ok); } .bad { color:var(--accent); font-weight:600; } .warn { color:var(--warn); }
    .pager { display:flex; gap:.6rem; align-items:center; margin:.5rem 0; }
    details.tree { margin-left:1rem; } details.tree > summary { cursor:pointer; padding:.15rem 0; }
    ul.tree { list-style:none; padding-left:1rem; margin:0; }
    .muted { color:var(--muted); }
    .bulletin-title { text-align:center; color:var(--accent); font-size:1.6rem; letter-spacing:.1em; }
    .lifecycle { list-style:none; padding:0; display:flex; flex-wrap:wrap; gap:.25rem; }
    .lifecycle li { border:1px solid #bbb; border-radius:3px; padding:.1rem .4rem; font-size:.85rem; color:#555; }
    .lifecycle li.current { background:var(--accent); color:#fff; border-color:var(--accent); }
    tr.idle td { background:#fff3f0; }
    .notice-sheet { background:#fff; border:1px solid var(--line); padding:1rem 1.5rem; }
    .notice-fields th { width:9rem; text-align:left; vertical-align:top; }
    .notice-sign { text-align:right; margin-top:2rem; }
    .bulletin-issue { text-align:center; border-bottom:2px solid var(--accent); padding-bottom:.4rem; }
    .notice { background:#fff8e1; border-left:4px solid var(--warn); padding:.5rem .8rem; }
    dl.facts { display:grid; grid-template-columns: max-content 1fr max-content 1fr; gap:.3rem 1rem; background:#fff; border:1px solid var(--line); padding:.8rem; }
    dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
    ul.attachments { list-style:none; display:flex; flex-wrap:wrap; gap:.8rem; padding:0; } ul.attachments li { max-width:14rem; }
    ul.rates li { margin:.4rem 0; } svg.interval { display:block; width:100%; max-width:24rem; height:.8rem; }
    svg.interval .axis { fill:var(--line); } svg.interval .range { fill:#9ab; } svg.interval .point { fill:#124; } svg.interval .limit { fill:#c22; }
    img.thumb { max-width:13rem; max-height:10rem; border:1px solid var(--line); }
    footer { color:var(--muted); font-size:.8rem; padding:1rem 1.2rem; }
    .print-head, .signatures { display:none; }
    button.print-button { background:#fff; color:var(--accent); border:1px solid var(--accent); }
    dd, td { overflow-wrap:anywhere; }
    td.num { white-space:nowrap; overflow-wrap:normal; }
    /* A phone in a village (390 px): the header and forms wrap, wide tables scroll inside their own box. */
    @media (max-width: 760px) {
      body { font-size:16px; }
      header.top { flex-wrap:wrap; gap:.3rem .8rem; padding:.5rem .8rem; }
      header.top .who { margin-left:0; flex-wrap:wrap; gap:.3rem .8rem; }
      header.top .who a, header.top .who span { white-space:nowrap; }
      nav.crumbs { padding:.4rem .8rem; }
      main { padding:0 .6rem 1.5rem; }
      table { display:block; overflow-x:auto; width:auto; max-width:100%; }
      dl.facts { grid-template-columns:max-content 1fr; }
      form.edit label, form.filters label { display:flex; width:100%; }
      input, select { max-width:100%; }
      .stat { min-width:6.5rem; }
    }
    /* Printed: an A4 sheet for the file, without forms, buttons or navigation; with the unit, area and date
       at the top and, where a page asks for them, the signature lines. Wide tables print on a landscape page. */
    @media print {
      body { background:#fff; font-size:10.5pt; }
      header.top, nav.crumbs, footer, form, button, .pager, .noprint { display:none !important; }
      .print-head { display:flex; justify-content:space-between; border-bottom:1px solid #000; padding-bottom:2mm; margin-bottom:3mm; font-size:9pt; }
      .signatures { display:grid; grid-template-columns:1fr 1fr; gap:8mm 12mm; margin-top:10mm; }
      .signatures div { border-bottom:1px solid #000; padding-top:8mm; font-size:10pt; }
      main { padding:0; max-width:none; } h1 { font-size:14pt; margin:0 0 3mm; } h2 { font-size:11.5pt; margin:4mm 0 2mm; }
      table { font-size:9pt; } th, td { padding:1mm 1.5mm; } th { white-space:normal; }
      thead { display:table-header-group; } tr { page-break-inside:avoid; }
      dl.facts { border:0; padding:0; }
      a { color:inherit; text-decoration:none; }
      @page { size:A4 portrait; margin:12mm; }
      main.wide { page:wide; }
      @page wide { size:A4 landscape; margin:10mm; }
    }
    """
}
