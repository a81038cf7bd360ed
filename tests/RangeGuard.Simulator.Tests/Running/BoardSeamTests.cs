using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.Simulator.Tests.Scenarios;

namespace RangeGuard.Simulator.Tests.Running
{
    [TestClass]
    public class BoardSeamTests
    {
        private static Scenario Mini() => ScenarioLoader.Parse("mini.json", ScenarioJson.Valid);

        [TestMethod]
        public void The_board_should_get_one_snapshot_per_simulated_second_with_consistent_fields()
        {
            Scenario s = Mini();
            var board = new RecordingBoard(BoardAdvice.None);
            RunResult r = new ScenarioRunner(s, board).Run();
            Assert.AreEqual(r.Ticks, board.Snapshots.Count);
            for (int i = 1; i < board.Snapshots.Count; i++)
            {
                Assert.AreEqual(1000, board.Snapshots[i].TimeUnixMs - board.Snapshots[i - 1].TimeUnixMs);
            }

            Assert.AreEqual(s.Start.ToUnixTimeMilliseconds(), board.Snapshots[0].TimeUnixMs);
            TruthSnapshot driving = board.Snapshots.First(t => t.Phase == CarPhase.Driving && t.SpeedKmh > 40);
            Assert.AreEqual(driving.PackVoltageV * driving.PackCurrentA / 1000, driving.PackPowerKw, 1e-6, "P = V·I");
            Assert.IsTrue(driving.PackCurrentA > 0, "discharge positive");
            Assert.IsTrue(driving.PackVoltageV > 300 && driving.PackVoltageV < 410);
            TruthSnapshot dc = board.Snapshots.First(t => t.Phase == CarPhase.Charging);
            Assert.AreEqual(3, dc.ChargingState);
            Assert.AreEqual(0, dc.ChargerIndex);
            Assert.IsTrue(dc.PackCurrentA < 0, "charging current negative");
            Assert.IsTrue(board.Snapshots.Last().OdometerKm > 29.9);
            Assert.AreEqual("test-moving", r.Alerts.Single().Code);
        }

        [TestMethod]
        public void A_following_driver_should_apply_the_boards_charge_advice()
        {
            var advice = BoardAdvice.None;
            advice.ChargeToSocPercent = 90;
            RunResult asDriven = new ScenarioRunner(Mini(), new RecordingBoard(advice), new RunOptions { FollowAdvice = false }).Run();
            RunResult advised = new ScenarioRunner(Mini(), new RecordingBoard(advice), new RunOptions { FollowAdvice = true }).Run();
            Assert.AreEqual(10, asDriven.ChargeSessions[0].Minutes, 0.05, "as driven: the planned 10 minutes");
            Assert.AreEqual(90, advised.ChargeSessions[0].SocTo, 0.1, "advised: until 90 %");
            Assert.AreEqual("board", advised.AdviceSource);
        }

        [TestMethod]
        public void A_following_driver_should_cap_speed_and_plug_in_when_advised()
        {
            var advice = BoardAdvice.None;
            advice.MaxSpeedKmh = 70;
            advice.PlugInWhenParked = true;
            var o = ScenarioJson.Node();
            o["itinerary"]![2]!["outletKw"] = 2.3;
            Scenario s = ScenarioLoader.Parse("mini.json", o.ToJsonString());
            var board = new RecordingBoard(advice);
            RunResult r = new ScenarioRunner(s, board, new RunOptions { FollowAdvice = true }).Run();
            Assert.IsTrue(board.Snapshots.Max(t => t.SpeedKmh) <= 70.5, $"max {board.Snapshots.Max(t => t.SpeedKmh):0.0} km/h");
            Assert.AreEqual(2, r.ChargeSessions.Count, "DC stop plus the plugged park");
            Assert.IsTrue(board.Snapshots.Any(t => t.Phase == CarPhase.Parked && t.ChargingState == 2));
        }

        [TestMethod]
        public void The_heater_request_should_warm_the_pack()
        {
            var o = ScenarioJson.Node();
            o["weather"]!["temperatureC"] = -15;
            Scenario s = ScenarioLoader.Parse("mini.json", o.ToJsonString());
            var heated = new RecordingBoard(BoardAdvice.None, heaterWhenParked: true);
            var cold = new RecordingBoard(BoardAdvice.None);
            new ScenarioRunner(s, heated).Run();
            new ScenarioRunner(s, cold).Run();
            TruthSnapshot h = heated.Snapshots.Last(t => t.Phase == CarPhase.Parked);
            TruthSnapshot c = cold.Snapshots.Last(t => t.Phase == CarPhase.Parked);
            Assert.IsTrue(h.BatteryHeaterW > 0);
            Assert.IsTrue(h.BatteryTempC > c.BatteryTempC + 5, $"{h.BatteryTempC:0.0} vs {c.BatteryTempC:0.0} °C");
        }

        [TestMethod]
        public void The_tick_loop_should_not_allocate()
        {
            Scenario s = ScenarioCatalog.Load("broder-2013");
            var runner = new ScenarioRunner(s, new NullBoard(), new RunOptions { RecordTrace = false });
            long before = GC.GetAllocatedBytesForCurrentThread();
            RunResult r = runner.Run();
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            // Only per-step records (15 steps, 5 sessions) and the result lists; nothing per 1 Hz tick (about 92,000 ticks).
            Assert.IsTrue(bytes < 32 * 1024, $"{bytes} bytes over {r.Ticks} ticks");
        }
    }
}
