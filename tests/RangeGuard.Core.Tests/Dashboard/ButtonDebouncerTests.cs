#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Dashboard;

namespace RangeGuard.Tests.Dashboard
{
    [TestClass]
    public class ButtonDebouncerTests
    {
        [TestMethod]
        public void Sample_should_report_one_press_when_contacts_bounce()
        {
            // Sampled every 10 ms with a 30 ms debounce: bounce (down, up, down) then held, then bounce on release.
            ButtonDebouncer d = new ButtonDebouncer(30);
            bool[] raw = { false, true, false, true, true, true, true, true, false, true, false, false, false, false, false };
            int presses = 0;
            int pressAt = -1;
            for (int i = 0; i < raw.Length; i++)
            {
                if (d.Sample(raw[i], i * 10))
                {
                    presses++;
                    pressAt = i;
                }
            }

            Assert.AreEqual(1, presses);
            Assert.AreEqual(6, pressAt, "down since sample 3 (30 ms), stable 30 ms later at sample 6");
            Assert.IsFalse(d.IsDown, "released");
        }

        [TestMethod]
        public void Sample_should_ignore_a_glitch_shorter_than_debounce()
        {
            ButtonDebouncer d = new ButtonDebouncer(30);
            Assert.IsFalse(d.Sample(true, 0));
            Assert.IsFalse(d.Sample(true, 20));
            Assert.IsFalse(d.Sample(false, 40));
            Assert.IsFalse(d.Sample(false, 1000));
            Assert.IsFalse(d.IsDown);
        }

        [TestMethod]
        public void Sample_should_press_at_second_tick_when_sampled_at_1_Hz()
        {
            ButtonDebouncer d = new ButtonDebouncer(30);
            Assert.IsFalse(d.Sample(true, 1000));
            Assert.IsTrue(d.Sample(true, 2000));
            Assert.IsFalse(d.Sample(true, 3000), "held: no repeat");
        }
    }
}
