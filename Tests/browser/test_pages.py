"""Browser tests: the pages as a user uses them, in headless Chromium through Selenium.

Run by scripts/test against a server it starts (TUOPIN_BROWSER_URL) on a small county it loads, with one
user of each role (password TUOPIN_BROWSER_PASSWORD). Selenium is pointed at /usr/bin/chromedriver and
never downloads a driver.
"""
import io
import os
import re
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
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
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(page))

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
        box = self.driver.find_element(By.NAME, "q")
        box.clear()
        box.send_keys(name)
        self.click_and_wait("form.filters button[type=submit]")
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.households tbody tr")]
        self.assertTrue(any(number in r for r in rows), f"{name} ({number}) not found: {rows[:3]}")
        box = self.driver.find_element(By.NAME, "q")
        box.clear()
        box.send_keys(number)
        self.click_and_wait("form.filters button[type=submit]")
        rows = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "table.households tbody tr")]
        self.assertTrue(rows and all(number in r for r in rows), f"户编号 {number}: {rows[:3]}")

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


if __name__ == "__main__":
    unittest.main(verbosity=2)
