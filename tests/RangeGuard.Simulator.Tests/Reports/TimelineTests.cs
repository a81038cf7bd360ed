using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Reports;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;

namespace RangeGuard.Simulator.Tests.Reports
{
    /// <summary>The run's timeline from a scripted board view: what is listed, when, and what flicker is left out.</summary>
    [TestClass]
    public class TimelineTests
    {
        private static readonly Scenario S = ScenarioCatalog.Load("dc-fast-charge-precondition");

        private sealed class Script
        {
            public readonly BoardView View = new();
            public readonly StringWriter Printed = new();
            public readonly Timeline Timeline;
            public double T;

            public Script() => Timeline = new Timeline(S, Printed);

            /// <summary>Advances <paramref name="seconds"/> ticks of 1 s at 100 m per tick with the view as it is.</summary>
            public void Run(int seconds)
            {
                for (int i = 0; i < seconds; i++)
                {
                    T += 1;
                    var truth = new TruthSnapshot { ElapsedS = T, PositionM = T * 100 };
                    Timeline.OnTick(in truth, View);
                }
            }

            public string[] Lines() => Printed.ToString().TrimEnd('\n').Split('\n');
        }

        [TestMethod]
        public void Advice_should_be_listed_when_given_changed_and_withdrawn_at_the_time_it_started()
        {
            var s = new Script();
            s.Run(100);
            s.View.Advice.MaxSpeedKmh = 90;
            s.Run(120);
            s.View.Advice.MaxSpeedKmh = 80;
            s.Run(120);
            s.View.Advice.MaxSpeedKmh = double.NaN;
            s.Run(120);
            s.Timeline.Complete();
            CollectionAssert.AreEqual(new[]
            {
                "  d1 07:01  km   10.1  advice     stay below 90 km/h",
                "  d1 07:03  km   22.1  advice     stay below 80 km/h (was: stay below 90 km/h)",
                "  d1 07:05  km   34.1  withdrawn  stay below 80 km/h",
            }, s.Lines());
            Assert.AreEqual(3, s.Timeline.Entries.Count);
        }

        [TestMethod]
        public void Advice_that_flickers_for_less_than_a_minute_should_not_be_listed()
        {
            var s = new Script();
            s.View.Advice.MaxSpeedKmh = 90;
            s.Run(120);
            for (int i = 0; i < 10; i++)
            {
                s.View.Advice.MaxSpeedKmh = double.NaN;
                s.Run(5);
                s.View.Advice.MaxSpeedKmh = i % 2 == 0 ? 92 : 88;
                s.Run(20);
            }

            s.Timeline.Complete();
            CollectionAssert.AreEqual(new[] { "  d1 07:00  km    0.1  advice     stay below 90 km/h" }, s.Lines(), "off for 5 s and ±2 km/h are not news");
        }

        [TestMethod]
        public void Charge_advice_and_alerts_should_be_listed_in_time_order_with_clears()
        {
            var s = new Script();
            s.Timeline.OnStepStarted(0, "to the fast charger");
            s.Run(10);
            s.View.Advice.ChargerIndex = 0;
            s.View.Advice.ChargeToSocPercent = 44;
            s.View.Advice.ChargeMinutes = 8;
            s.Run(30);
            s.Timeline.OnAlert(new BoardAlert(0, s.T, s.T * 100, "RG-CHARGE-REQ", AlertSeverity.Warning, "Charge at Motorway DC 150: 8 min to 44 %"));
            s.Run(60);
            s.View.Cleared.Add(new BoardAlert(0, s.T, s.T * 100, "RG-CHARGE-REQ", AlertSeverity.Warning, "cleared"));
            s.View.Advice = BoardAdvice.None;
            s.Run(90);
            s.Timeline.Complete();
            CollectionAssert.AreEqual(new[]
            {
                "  d1 07:00  km    0.0  step       #0 to the fast charger",
                "  d1 07:00  km    1.1  advice     charge at Motorway DC 150 to 44 % (8 min)",
                "  d1 07:00  km    4.0  alert      RG-CHARGE-REQ (warning): Charge at Motorway DC 150: 8 min to 44 %",
                "  d1 07:01  km   10.0  cleared    RG-CHARGE-REQ",
                "  d1 07:01  km   10.1  withdrawn  charge at Motorway DC 150 to 44 %",
            }, s.Lines(), "the advice is stamped when it started, before the alert that came 30 s later");
        }

        [TestMethod]
        public void A_step_should_come_before_what_happened_in_the_same_second()
        {
            var s = new Script();
            s.Timeline.OnAlert(new BoardAlert(0, 0, 0, "RG-DEGRADED", AlertSeverity.Advisory, "Degraded"));
            s.Timeline.OnStepStarted(0, "to the fast charger");
            s.Timeline.Complete();
            Assert.AreEqual(TimelineKind.Step, s.Timeline.Entries[0].Kind);
            Assert.AreEqual(TimelineKind.Alert, s.Timeline.Entries[1].Kind);
        }
    }
}
