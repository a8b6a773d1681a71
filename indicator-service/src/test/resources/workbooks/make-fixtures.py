#!/usr/bin/python3
"""Writes the workbook fixtures with LibreOffice Calc itself (through its Python-UNO bridge), so the files are what
LibreOffice saves: its own XML, cached formula results, merged cells, a hidden and a protected sheet.

Run with the system Python that has the bridge (Debian: libreoffice-calc-nogui, python3-uno):
    /usr/bin/python3 make-fixtures.py
"""
import os
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table.CellHoriJustify import CENTER

HERE = os.path.dirname(os.path.abspath(__file__))
PIPE = "etdz-fixtures"


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                               "--accept=pipe,name=%s;urp;" % PIPE])
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(300):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
            return office, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            time.sleep(1)
    office.kill()
    raise RuntimeError("LibreOffice did not start within 5 minutes")


def put(sheet, cell, value):
    target = sheet.getCellRangeByName(cell)
    if isinstance(value, str) and value.startswith("="):
        target.setFormula(value)
    elif isinstance(value, str):
        target.setString(value)
    else:
        target.setValue(value)


def zone_sheet(sheet, title, columns, rows):
    """The template's layout: a merged title row, three header rows with the zone columns merged, the code row."""
    last = chr(ord("A") + len(columns) + 1)
    put(sheet, "A1", title)
    sheet.getCellRangeByName("A1:%s1" % last).merge(True)
    put(sheet, "A2", "开发区代码")
    put(sheet, "B2", "开发区名称")
    sheet.getCellRangeByName("A2:A4").merge(True)
    sheet.getCellRangeByName("B2:B4").merge(True)
    sheet.getCellRangeByName("A2:B4").HoriJustify = CENTER
    put(sheet, "A5", "zone")
    put(sheet, "B5", "name")
    for i, (code, name, name_en, unit) in enumerate(columns):
        column = chr(ord("C") + i)
        put(sheet, column + "2", name)
        put(sheet, column + "3", name_en)
        put(sheet, column + "4", unit)
        put(sheet, column + "5", code)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                put(sheet, chr(ord("A") + c) + str(6 + r), value)


def filled(desktop):
    document = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = document.Sheets
    sheets.insertNewByName("ETDZ", 0)
    sheets.insertNewByName("BECZ", 1)
    sheets.insertNewByName("template", 2)
    for name in list(sheets.ElementNames):
        if name not in ("ETDZ", "BECZ", "template"):
            sheets.removeByName(name)
    etdz = sheets.getByName("ETDZ")
    zone_sheet(etdz, "630000 省 2016 年度开发区统计报表（ETDZ）", [
        ("GDP", "地区生产总值（必填）", "Gross regional product", "亿元"),
        ("TAX", "税收收入（必填）", "Tax revenue", "亿元"),
        ("EMPLOYEES", "从业人员（必填）", "Employees", "万人"),
        ("SOCIAL_INS", "社会保险覆盖率", "Social insurance coverage", "%")], [
        ("LO-FIX-A", "青海测试开发区甲", 120.5, "=10+2.5", 3, None),
        ("LO-FIX-B", "青海测试开发区乙", "1,234", "１２", 1, 95)])
    etdz.protect("")
    becz = sheets.getByName("BECZ")
    zone_sheet(becz, "630000 省 2016 年度开发区统计报表（BECZ）", [
        ("GDP", "地区生产总值（必填）", "Gross regional product", "亿元"),
        ("TAX", "税收收入（必填）", "Tax revenue", "亿元"),
        ("EMPLOYEES", "从业人员（必填）", "Employees", "万人"),
        ("BORDER_TRADE", "边境贸易额", "Border trade", "亿美元")], [
        ("LO-FIX-C", "青海测试边境经济合作区", 8, 0.5, 0.2, 3)])
    becz.IsVisible = False
    meta = sheets.getByName("template")
    put(meta, "A1", "province")
    put(meta, "B1", "630000")
    put(meta, "A2", "period")
    put(meta, "B2", "2016")
    meta.IsVisible = False
    document.calculateAll()
    url = uno.systemPathToFileUrl(os.path.join(HERE, "libreoffice-filled.xlsx"))
    document.storeToURL(url, (prop("FilterName", "Calc MS Excel 2007 XML"),))
    document.close(True)


if __name__ == "__main__":
    office, desktop = connect()
    try:
        filled(desktop)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=60)
