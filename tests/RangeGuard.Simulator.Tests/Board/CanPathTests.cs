using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Simulator.Board;
using RangeGuard.Simulator.Running;
using RangeGuard.Simulator.Scenarios;
using RangeGuard.State;

namespace RangeGuard.Simulator.Tests.Board
{
    /// <summary>The agent really reads the car through DBC encoding, SLCAN text, the pipe, the bridge and the dispatcher.</summary>
    [TestClass]
    public class CanPathTests
    {
        private static TruthSnapshot Snapshot(long timeMs) => new()
        {
            TimeUnixMs = timeMs,
            Phase = CarPhase.Driving,
            SocPercent = 55.55,
            SocReportedPercent = 55.55,
            PackVoltageV = 371.23,
            PackCurrentA = -42.37,
            BatteryTempC = -7.26,
            BatteryTempMinC = -8.26,
            BatteryTempMaxC = -6.26,
            AmbientTempC = -12.3,
            SpeedKmh = 88.888,
            OdometerKm = 12345.678,
            ChargingState = 0,
            HvacPowerW = 2345.4,
            NextDepartureUnixMs = -1,
            ChargerIndex = -1,
        };

        [TestMethod]
        public void Truth_values_should_arrive_in_the_vehicle_state_within_the_encoding_resolution()
        {
            Scenario s = ScenarioCatalog.Load("summer-commute");
            var board = new AgentBoard();
            board.Start(new BoardContext(s, false));
            long t0 = s.Start.ToUnixTimeMilliseconds();
            for (int i = 0; i < 3; i++)
            {
                board.Step(Snapshot(t0 + i * 1000));
            }

            VehicleState st = board.State;
            // Resolution = the DBC factor: half a step after rounding.
            Assert.AreEqual(55.55, st.GetLast(InputId.SocPercent), 0.05 + 1e-4, "SOC, factor 0.1");
            Assert.AreEqual(371.23, st.GetLast(InputId.PackVoltageV), 0.05 + 1e-3);
            Assert.AreEqual(-42.37, st.GetLast(InputId.PackCurrentA), 0.05 + 1e-3, "signed, discharge positive");
            Assert.AreEqual(-7.26, st.GetLast(InputId.BatteryTempAvgC), 0.05 + 1e-3, "Motorola, offset -100");
            Assert.AreEqual(-12.3, st.GetLast(InputId.AmbientTempC), 0.25 + 1e-3, "factor 0.5, offset -40");
            Assert.AreEqual(88.888, st.GetLast(InputId.SpeedKmh), 0.005 + 1e-3);
            Assert.AreEqual(12345.678, st.GetLast(InputId.OdometerKm), 0.01, "32-bit odometer (float32 in the state)");
            Assert.AreEqual(2345.4, st.GetLast(InputId.HvacPowerW), 0.5 + 1e-3);

            // 100 ms messages 10x per step, 500 ms 2x, 1 s 1x: 23 frames per step on the reference DBC.
            Assert.AreEqual(23, board.Encoder.FramesPerStep);
            Assert.AreEqual(3 * 23, board.Encoder.FramesEncoded);
            Assert.AreEqual(3 * 23, board.Dispatcher.Counters.FramesReceived, "every frame went through the bridge into the dispatcher");
            Assert.AreEqual(0, board.Dispatcher.Counters.DecodeErrors);
            Assert.AreEqual(0, board.Dispatcher.Counters.UnknownIdFrames);
            Assert.AreEqual(0, board.Dispatcher.Counters.OutOfRangeValues);
            Assert.AreEqual(0, board.Encoder.EncodeFailures);
            Assert.IsTrue(board.Bridge.IsListenOnly, "the agent opened the bridge listen-only");
        }

        [TestMethod]
        public void A_whole_scenario_should_run_over_the_can_path_without_a_decode_error()
        {
            Scenario s = ScenarioCatalog.Load("summer-commute");
            var board = new AgentBoard();
            RunResult r = new ScenarioRunner(s, board, new RunOptions { RecordTrace = false }).Run();
            Assert.AreEqual(r.Ticks * 23, board.Dispatcher.Counters.FramesReceived);
            Assert.AreEqual(board.Encoder.FramesEncoded, board.Dispatcher.Counters.FramesReceived);
            Assert.AreEqual(0, board.Dispatcher.Counters.DecodeErrors + board.Dispatcher.Counters.UnknownIdFrames + board.Dispatcher.Counters.OutOfRangeValues);
            Assert.AreEqual(0, board.Agent.Counters.Exceptions);
            Assert.IsTrue(board.PlansSet >= 2, "a plan per drive leg");
            Assert.IsNull(board.LastPlanError);
            // The agent's SOC (from CAN) matches the truth at the end within the 0.1 % resolution.
            Assert.AreEqual(r.FinalSocPercent, board.State.GetLast(InputId.SocPercent), 0.05 + 1e-3);
            StringAssert.Contains(r.BoardSummary, "0 decode errors, 0 SLCAN parse errors");
            StringAssert.Contains(r.BoardSummary, (r.Ticks * 23).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " CAN frames via SLCAN (23 per simulated second, in-process pipe)");
        }
    }
}
