#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts.Rules;
using RangeGuard.Preconditioning;
using RangeGuard.State;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Runtime
{
    /// <summary>Commands through the core loop: parsed, applied whole or not at all, answered on cmd/&lt;name&gt;/result.</summary>
    [TestClass]
    public class CommandHandlingTests
    {
        /// <summary>A signal map as JSON string content (escaped newline).</summary>
        private const string MapJson = "profile=fleet-map\\ninput=soc_pct id=0x100 start=0 len=10 factor=0.1 maxage=1000";

        private static AgentRig DrivingRig()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(55f, 5f, -3.5f, 90f);
            rig.SetPlan();
            rig.Step(5);
            return rig;
        }

        /// <summary>Sends one command and runs one loop pass; returns its result payload.</summary>
        private static string Send(AgentRig rig, string name, string json)
        {
            int before = rig.Outbox.Count(rig.Topics.ResultTopic(name), null, null);
            rig.Outbox.Deliver(rig.Topics.CommandPrefix + name, json);
            rig.Loop.PollMessaging();
            Assert.AreEqual(before + 1, rig.Outbox.Count(rig.Topics.ResultTopic(name), null, null), "one result for " + json);
            return rig.Outbox.Last(rig.Topics.ResultTopic(name), null);
        }

        [TestMethod]
        public void Every_malformed_command_should_get_an_error_and_leave_the_state_byte_identical()
        {
            string[] cases =
            {
                // command, payload, expected error field
                "route", "{\"id\":\"m1\",\"segments\":[{\"len_m\":100", "$",
                "route", "", "$",
                "route", "[1,2]", "$",
                "route", "{\"id\":\"m4\"}", "segments",
                "route", "{\"id\":\"m5\",\"segments\":[]}", "segments",
                "route", "{\"id\":\"m6\",\"segments\":[{\"len_m\":\"100\",\"speed_kmh\":50}]}", "segments[0].len_m",
                "route", "{\"id\":\"m7\",\"segments\":[{\"len_m\":-5,\"speed_kmh\":50}]}", "segments[0].len_m",
                "route", "{\"id\":\"m8\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50},{\"len_m\":100}]}", "segments[1].speed_kmh",
                "route", "{\"id\":\"m9\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50,\"climb_m\":40}]}", "segments[0].climb_m",
                "route", "{\"id\":\"m10\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50,\"lenm\":3}]}", "segments[0].lenm",
                "route", "{\"id\":\"m11\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"chargers\":[{\"pos_m\":500,\"kw\":50,\"kind\":\"dc\"},{\"pos_m\":200,\"kw\":50,\"kind\":\"dc\"}]}", "chargers[1].pos_m",
                "route", "{\"id\":\"m12\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"chargers\":[{\"pos_m\":5000,\"kw\":50,\"kind\":\"dc\"}]}", "chargers[0].pos_m",
                "route", "{\"id\":\"m13\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"depart_ms\":1.5e12}", "depart_ms",
                "route", "{\"id\":\"m14\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]} trailing", "$",
                "route", "{\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "id",
                "route", "{\"id\":\"m16\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50,\"air_c\":null}]}", "segments[0].air_c",
                "route", "{\"id\":\"m17\",\"dest_reserve_pct\":120,\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "dest_reserve_pct",
                "teleport", "{\"id\":\"m18\"}", "command",
                "config", "{\"id\":\"m19\"}", "$",
                "config", "{\"id\":\"m20\",\"alerts\":{\"ponr_warn_km\":0}}", "alerts.ponr_warn_km",
                "config", "{\"id\":\"m21\",\"alerts\":{\"band_exit\":0.6}}", "alerts.band_exit",
                "config", "{\"id\":\"m22\",\"vehicle\":\"mass_kg=12\"}", "vehicle",
                "config", "{\"id\":\"m23\",\"signal_profile\":\"input=soc_pct\"}", "signal_profile",
                // Valid groups first, a bad one last: nothing of the command may apply.
                "config", "{\"id\":\"m24\",\"alerts\":{\"ponr_warn_km\":40},\"telemetry\":{\"driving_s\":9},\"vehicle\":\"preset=rangeguard-ref\\nmass_kg=2100\",\"signal_profile\":\"input=soc_pct\"}", "signal_profile",
                "config", "{\"id\":\"m25\",\"alerts\":{\"ponr_warn_km\":40},\"vehicle\":\"preset=nope\"}", "vehicle",
                "config", "{\"id\":\"m26\",\"telemetry\":{\"driving_s\":0}}", "telemetry.driving_s",
                "config", "{\"id\":\"m27\",\"telemetry\":{\"parked_s\":5.5}}", "telemetry.parked_s",
                "config", "{\"id\":\"m28\",\"alerts\":{\"a\":[[[[[[1]]]]]]}}", "$",
                "precondition", "{\"id\":\"m29\",\"action\":\"boil\"}", "action",
                "precondition", "{\"id\":\"m30\",\"action\":\"schedule\"}", "depart_ms",
                "precondition", "{\"id\":\"m31\",\"action\":\"start\",\"minutes\":500}", "minutes",
                "precondition", "{\"id\":\"m32\",\"action\":\"stop\",\"depart_ms\":1767988800000}", "depart_ms",
                "ack", "{\"id\":\"m33\",\"code\":\"RG-NOPE\"}", "code",
                "ack", "{\"id\":\"m34\"}", "code",
                "ack", "{\"id\":\"m35\",\"code\":\"all\",\"pad\":\"" + new string('x', 8200) + "\"}", "$",
                "ping", "{\"id\":\"m36\",\"extra\":1}", "extra",
                "ping", "{\"id\":7}", "id",
            };

            AgentRig rig = DrivingRig();
            // An alert is up (nothing to acknowledge would hide a half-applied ack) and the heater planner is idle.
            rig.Forecaster.Next.Destination.SocP50 = 9f;
            rig.Step(3);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(ArriveLowRule.AlertCode), "an alert to keep unacknowledged");
            string before = rig.Loop.DescribeState();
            Assert.IsTrue(cases.Length / 3 >= 30, "at least 30 malformed commands");
            for (int i = 0; i < cases.Length; i += 3)
            {
                string result = Send(rig, cases[i], cases[i + 1]);
                Assert.IsTrue(result.IndexOf("\"ok\":false") > 0, cases[i + 1] + " -> " + result);
                Assert.IsTrue(result.IndexOf("\"field\":\"" + cases[i + 2] + "\"") > 0, cases[i + 1] + " -> " + result);
                Assert.AreEqual(before, rig.Loop.DescribeState(), "state after " + cases[i] + " " + cases[i + 1]);
            }

            Assert.AreEqual(cases.Length / 3, rig.Loop.Messaging.Commands.Refused);
            Assert.AreEqual(0, rig.Loop.Messaging.Commands.Applied);
        }

        [TestMethod]
        public void A_route_should_replace_the_plan_and_the_next_forecast_should_carry_its_id()
        {
            AgentRig rig = DrivingRig();
            string r = Send(rig, "route", "{\"id\":\"r-7\",\"dest_name\":\"Groton\",\"dest_reserve_pct\":12,\"depart_ms\":1767999600000,\"air_c\":-6,"
                + "\"segments\":[{\"len_m\":50000,\"speed_kmh\":100},{\"len_m\":20000,\"speed_kmh\":80,\"air_c\":-9}],"
                + "\"chargers\":[{\"pos_m\":40000,\"kw\":150,\"kind\":\"dc\",\"name\":\"Mystic\"}]}");
            Assert.AreEqual("{\"v\":1,\"id\":\"r-7\",\"ok\":true,\"t\":1767988805000}", r);
            Assert.AreEqual(2, rig.Agent.Plan.SegmentCount);
            Assert.AreEqual("Groton", rig.Agent.Trip.DestinationName);
            Assert.AreEqual(12f, rig.Agent.Trip.DestinationReservePct);
            Assert.AreEqual(0f, rig.Agent.PositionM, "the new plan starts here");
            Assert.AreEqual(1767999600000L, rig.Agent.Trip.DepartureUtcMs);
            Assert.AreEqual(-9f, rig.Agent.Trip.ForecastMinAmbientC, "the coldest segment's air");
            Assert.AreEqual(70000f, rig.Forecaster.LastPlanLengthM);

            rig.Step(1);
            string f = rig.Outbox.Last(rig.Topics.Forecast, null);
            Assert.IsTrue(f.IndexOf("\"plan\":\"r-7\"") > 0, f);
            Assert.IsTrue(f.IndexOf("\"dest\":{\"name\":\"Groton\"") > 0, f);

            // A locally set plan (the navigation system) is not the fleet's.
            rig.SetPlan();
            rig.Step(1);
            Assert.IsTrue(rig.Outbox.Last(rig.Topics.Forecast, null).IndexOf("\"plan\":null") > 0);
        }

        [TestMethod]
        public void A_repeated_request_id_should_be_answered_again_and_not_applied_twice()
        {
            AgentRig rig = DrivingRig();
            string cmd = "{\"id\":\"r-9\",\"segments\":[{\"len_m\":50000,\"speed_kmh\":100}]}";
            string first = Send(rig, "route", cmd);
            rig.Step(10);
            Assert.AreEqual(first, Send(rig, "route", cmd), "the first result again");
            Assert.AreEqual(250f, rig.Agent.PositionM, "not re-applied: the position did not restart");
            Assert.AreEqual(1, rig.Loop.Messaging.Commands.Repeated);
        }

        [TestMethod]
        public void Config_should_replace_thresholds_cadence_vehicle_and_signal_profile_together()
        {
            AgentRig rig = DrivingRig();
            Send(rig, "route", "{\"id\":\"r-1\",\"segments\":[{\"len_m\":50000,\"speed_kmh\":100},{\"len_m\":50000,\"speed_kmh\":100}]}");
            string r = Send(rig, "config", "{\"id\":\"c-1\",\"alerts\":{\"ponr_warn_km\":25,\"utc_offset_min\":-300},\"telemetry\":{\"driving_s\":10,\"parked_s\":600},"
                + "\"vehicle\":\"preset=rangeguard-ref\\nmass_kg=2100\"}");
            Assert.IsTrue(r.IndexOf("\"ok\":true") > 0, r);
            Assert.AreEqual(25f, rig.Agent.Config.Alerts.PonrWarnKm);
            Assert.AreEqual(-300, rig.Agent.Config.Alerts.UtcOffsetMinutes);
            Assert.AreEqual(10, rig.Publisher.Telemetry.DrivingEveryS);
            Assert.AreEqual(600, rig.Publisher.Telemetry.ParkedEveryS);
            Assert.AreEqual(1, rig.Agent.VehicleChanges);
            Assert.AreEqual(2100f, ((RangeGuard.Forecast.EnergyForecaster)rig.Agent.Forecaster).Vehicle.MassKg, "the new forecaster runs");
            Assert.IsTrue(((RangeGuard.Forecast.EnergyForecaster)rig.Agent.Forecaster).HasPlan, "and holds the plan in force");

            string noDecoder = Send(rig, "config", "{\"id\":\"c-2\",\"signal_profile\":\"" + MapJson + "\"}");
            Assert.IsTrue(noDecoder.IndexOf("this car decodes no CAN") > 0, noDecoder);
        }

        [TestMethod]
        public void Ack_should_acknowledge_one_code_and_a_known_inactive_code_should_be_ok()
        {
            AgentRig rig = DrivingRig();
            rig.Forecaster.Next.Destination.SocP50 = 9f;
            rig.Step(3);
            Assert.IsTrue(Send(rig, "ack", "{\"id\":\"a-1\",\"code\":\"RG-PONR\"}").IndexOf("\"ok\":true") > 0, "known, not active: ok");
            Assert.IsTrue(Send(rig, "ack", "{\"id\":\"a-2\",\"code\":\"RG-ARRIVE-LOW\"}").IndexOf("\"ok\":true") > 0);
            Assert.IsTrue(rig.Agent.Alerts.Slot(ArriveLowRule.AlertCode).Acknowledged);
            rig.Step(1);
            Assert.AreEqual(1, rig.Outbox.Count(rig.AlertTopic, "\"code\":\"RG-ARRIVE-LOW\"", "\"event\":\"ack\""));
            string active = rig.Outbox.Last(rig.Topics.AlertsActive, null);
            Assert.IsTrue(active.IndexOf("\"code\":\"RG-ARRIVE-LOW\",\"sev\":\"advisory\",\"acked\":true") > 0, active);
        }

        [TestMethod]
        public void Precondition_start_should_heat_from_the_grid_when_plugged_in_and_stop_should_hold_it_off()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(60f, -5f, -8f, 0f);
            rig.Feed(InputId.ChargingState, 1f); // plugged in
            rig.SetPlan();
            rig.Step(3);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.IsTrue(Send(rig, "precondition", "{\"id\":\"p-1\",\"action\":\"start\",\"minutes\":20}").IndexOf("\"ok\":true") > 0);
            rig.Step(2);
            Assert.IsTrue(rig.Heater.IsOn, "heating from the grid");
            Assert.AreEqual(PreconditioningPlanner.ModeHeatingDeparture, rig.Agent.Preconditioning.Mode);
            rig.Step(20 * 60);
            Assert.IsFalse(rig.Heater.IsOn, "the requested 20 minutes are over");

            Send(rig, "precondition", "{\"id\":\"p-2\",\"action\":\"start\"}");
            rig.Step(2);
            Assert.IsTrue(rig.Heater.IsOn);
            Send(rig, "precondition", "{\"id\":\"p-3\",\"action\":\"stop\"}");
            Assert.IsFalse(rig.Heater.IsOn, "off at once");
            rig.Step(5);
            Assert.IsFalse(rig.Heater.IsOn, "and held off");
            Assert.IsTrue(rig.Agent.Preconditioning.FleetStopped);
        }

        [TestMethod]
        public void Precondition_start_unplugged_should_be_declined_when_the_reserve_would_suffer()
        {
            AgentRig rig = DrivingRig();
            rig.Forecaster.Next.NextChargerIndex = 1;
            rig.Forecaster.Next.NextCharger.Exists = true;
            rig.Forecaster.Next.NextCharger.SocP10 = 10.5f; // reserve 10 %: heating would take it below
            rig.Step(2);
            Assert.IsTrue(Send(rig, "precondition", "{\"id\":\"p-4\",\"action\":\"start\",\"minutes\":30}").IndexOf("\"ok\":true") > 0, "valid and recorded");
            rig.Step(2);
            Assert.IsFalse(rig.Heater.IsOn);
            Assert.AreEqual(PreconditioningPlanner.ModeDeclined, rig.Agent.Preconditioning.Mode);
            Assert.IsTrue(rig.Agent.Alerts.IsActive(PreconditioningDeclinedRule.AlertCode));
        }

        [TestMethod]
        public void Ping_should_answer_with_the_uptime()
        {
            AgentRig rig = DrivingRig();
            rig.Device.Uptime = 42999;
            Assert.AreEqual("{\"v\":1,\"id\":\"p-1\",\"ok\":true,\"t\":1767988805000,\"up_s\":42}", Send(rig, "ping", "{\"id\":\"p-1\"}"));
        }
    }
}
