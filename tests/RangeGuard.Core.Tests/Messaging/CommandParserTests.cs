#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts;
using RangeGuard.Messaging;
using RangeGuard.Messaging.Commands;

namespace RangeGuard.Tests.Messaging
{
    [TestClass]
    public class CommandParserTests
    {
        private const string GoodRoute =
            "{\"id\":\"r-42\",\"air_c\":-3,\"dest_name\":\"Milford CT\",\"dest_reserve_pct\":10,\"charger_reserve_pct\":8,\"depart_ms\":1767988800000," +
            "\"segments\":[{\"len_m\":10000,\"climb_m\":-50,\"speed_kmh\":95,\"limit_kmh\":89},{\"len_m\":63800,\"climb_m\":-35,\"speed_kmh\":113,\"limit_kmh\":105,\"wind_mps\":4,\"air_c\":-8.5}]," +
            "\"chargers\":[{\"pos_m\":73800,\"kw\":90,\"kind\":\"dc\",\"name\":\"Newark DE\"}]}";

        private static bool Parse(CommandParser p, string name, string json)
        {
            byte[] b = JsonReaderTests.Utf8(json);
            return p.Parse(name, b, b.Length, 2f, new AlertConfig());
        }

        [TestMethod]
        public void A_valid_route_should_be_staged_field_for_field()
        {
            CommandParser p = new CommandParser(200);
            Assert.IsTrue(Parse(p, "route", GoodRoute), p.ErrorField + ": " + p.ErrorReason);
            RouteCommand r = p.RouteStaging;
            Assert.AreEqual("r-42", p.RequestId);
            Assert.AreEqual(2, r.Plan.SegmentCount);
            Assert.AreEqual(10000f, r.Plan.Segments[0].LengthM);
            Assert.AreEqual(-50f, r.Plan.Segments[0].ElevationChangeM);
            Assert.AreEqual(95f, r.Plan.Segments[0].ExpectedSpeedKmh);
            Assert.AreEqual(-3f, r.Plan.Segments[0].AmbientTempC, "segment without air_c takes the route's");
            Assert.AreEqual(-8.5f, r.Plan.Segments[1].AmbientTempC);
            Assert.AreEqual(4f, r.Plan.Segments[1].HeadwindMps);
            Assert.AreEqual(1, r.Plan.ChargerCount);
            Assert.AreEqual(73800f, r.Plan.Chargers[0].PositionM);
            Assert.IsTrue(r.Plan.Chargers[0].IsDc);
            Assert.AreEqual("Newark DE", r.Plan.Chargers[0].Name);
            Assert.AreEqual(10f, r.Plan.DestinationReservePercent);
            Assert.AreEqual(8f, r.Plan.ChargerReservePercent);
            Assert.AreEqual("Milford CT", r.Plan.DestinationName);
            Assert.AreEqual(1767988800000L, r.DepartureMs);

            Assert.IsTrue(Parse(p, "route", "{\"id\":\"r-43\",\"segments\":[{\"len_m\":500,\"speed_kmh\":30}]}"), p.ErrorReason);
            Assert.AreEqual(2f, p.RouteStaging.Plan.Segments[0].AmbientTempC, "no air_c anywhere: the car's ambient");
            Assert.AreEqual(0, p.RouteStaging.Plan.ChargerCount, "a new parse starts from an empty plan");
            Assert.AreEqual(15f, p.RouteStaging.Plan.DestinationReservePercent, "defaults restored");
            Assert.AreEqual(-1L, p.RouteStaging.DepartureMs);
        }

        [TestMethod]
        public void Valid_config_precondition_ack_and_ping_should_be_staged()
        {
            CommandParser p = new CommandParser(10);
            Assert.IsTrue(Parse(p, "config", "{\"id\":\"c-1\",\"alerts\":{\"ponr_warn_km\":20,\"utc_offset_min\":-300},\"telemetry\":{\"driving_s\":5},\"vehicle\":\"preset=rangeguard-ref\\nmass_kg=2150\"}"), p.ErrorReason);
            ConfigCommand c = p.ConfigStaging;
            AlertConfig target = new AlertConfig();
            c.ApplyAlerts(target);
            Assert.AreEqual(20f, target.PonrWarnKm);
            Assert.AreEqual(-300, target.UtcOffsetMinutes);
            Assert.AreEqual(3f, target.PonrHysteresisKm, "untouched thresholds stay");
            Assert.AreEqual(5, c.DrivingEveryS);
            Assert.AreEqual(0, c.ParkedEveryS);
            Assert.AreEqual(2150f, c.Vehicle.MassKg);
            Assert.IsNull(c.SignalMap);

            Assert.IsTrue(Parse(p, "config", "{\"id\":\"c-2\",\"signal_profile\":\"profile=t\\ninput=soc_pct id=0x100 start=0 len=8\"}"), p.ErrorReason);
            Assert.IsNotNull(p.ConfigStaging.SignalMap);
            Assert.IsNull(p.ConfigStaging.Vehicle);

            Assert.IsTrue(Parse(p, "precondition", "{\"id\":\"p-1\",\"action\":\"schedule\",\"depart_ms\":1767988800000}"), p.ErrorReason);
            Assert.AreEqual(PreconditionCommand.ActionSchedule, p.PreconditionStaging.Action);
            Assert.AreEqual(1767988800000L, p.PreconditionStaging.DepartureMs);
            Assert.IsTrue(Parse(p, "precondition", "{\"id\":\"p-2\",\"action\":\"start\",\"minutes\":45}"), p.ErrorReason);
            Assert.AreEqual(45, p.PreconditionStaging.Minutes);

            Assert.IsTrue(Parse(p, "ack", "{\"id\":\"a-1\",\"code\":\"RG-PONR\"}"), p.ErrorReason);
            Assert.AreEqual("RG-PONR", p.AckStaging.Code);
            Assert.IsTrue(Parse(p, "ack", "{\"code\":\"all\",\"id\":\"a-2\"}"), p.ErrorReason);
            Assert.AreEqual(AckCommand.All, p.AckStaging.Code);

            Assert.IsTrue(Parse(p, "ping", " {\"id\":\"x\"} \n"), p.ErrorReason);
            Assert.AreEqual("x", p.RequestId);
            Assert.AreEqual(CommandParser.Ping, p.Kind);
        }

        [TestMethod]
        public void Malformed_commands_should_be_refused_naming_the_field_and_the_reason()
        {
            string big = "{\"id\":\"big\",\"code\":\"all\",\"pad\":\"" + new string('x', 8200) + "\"}";
            string deep = "{\"id\":\"d\",\"alerts\":{\"a\":[[[[[[1]]]]]]}}";
            string tooMany = "{\"id\":\"m\",\"segments\":[";
            for (int i = 0; i < 11; i++)
            {
                tooMany += (i == 0 ? string.Empty : ",") + "{\"len_m\":100,\"speed_kmh\":50}";
            }

            tooMany += "]}";

            // command, payload, expected error field, fragment of the reason, expected request id in the result ("" = null)
            string[] cases =
            {
                "route", "{\"id\":\"t1\",\"segments\":[{\"len_m\":100", "$", "unexpected end of input", "t1",
                "route", "", "$", "unexpected end of input", "",
                "route", "[1,2]", "$", "expected a JSON object, found an array", "",
                "route", "{\"id\":\"t4\"}", "segments", "required", "t4",
                "route", "{\"id\":\"t5\",\"segments\":[]}", "segments", "at least one segment", "t5",
                "route", "{\"id\":\"t6\",\"segments\":{}}", "segments", "expected an array, found an object", "t6",
                "route", "{\"id\":\"t7\",\"segments\":[{\"len_m\":\"100\",\"speed_kmh\":50}]}", "segments[0].len_m", "expected a number, found a string", "t7",
                "route", "{\"id\":\"t8\",\"segments\":[{\"len_m\":-5,\"speed_kmh\":50}]}", "segments[0].len_m", "-5 is outside 1..100000", "t8",
                "route", "{\"id\":\"t9\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50},{\"len_m\":100}]}", "segments[1].speed_kmh", "required", "t9",
                "route", "{\"id\":\"t10\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50,\"climb_m\":40}]}", "segments[0].climb_m", "steeper than 30 %", "t10",
                "route", "{\"id\":\"t11\",\"segments\":[{\"len_m\":100,\"speed_kmh\":300}]}", "segments[0].speed_kmh", "outside 1..250", "t11",
                "route", "{\"id\":\"t12\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50,\"lenm\":3}]}", "segments[0].lenm", "unknown field", "t12",
                "route", "{\"id\":\"t13\",\"segments\":[{\"len_m\":100,\"len_m\":200,\"speed_kmh\":50}]}", "segments[0].len_m", "duplicate field", "t13",
                "route", "{\"id\":\"t14\",\"segments\":[{\"len_m\":100,\"speed_kmh\":50}],\"chargers\":[{\"pos_m\":500,\"kw\":50,\"kind\":\"dc\"}]}", "chargers[0].pos_m", "beyond the end of the route", "t14",
                "route", "{\"id\":\"t15\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"chargers\":[{\"pos_m\":500,\"kw\":50,\"kind\":\"hv\"}]}", "chargers[0].kind", "expected one of ac, dc", "t15",
                "route", "{\"id\":\"t16\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"chargers\":[{\"pos_m\":800,\"kw\":50,\"kind\":\"ac\"},{\"pos_m\":200,\"kw\":50,\"kind\":\"ac\"}]}", "chargers[1].pos_m", "route order", "t16",
                "route", "{\"id\":\"t17\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"depart_ms\":1.5e12}", "depart_ms", "expected an integer", "t17",
                "route", "{\"id\":\"t18\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}],\"depart_ms\":1000}", "depart_ms", "outside", "t18",
                "route", tooMany, "segments", "more than 10 segments", "m",
                "route", "{\"id\":\"t20\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]} x", "$", "after the end of the document", "t20",
                "route", "{\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "id", "required", "",
                "route", "{\"id\":\"\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "id", "must not be empty", "",
                "route", "{\"id\":42,\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "id", "expected a string, found a number", "",
                "route", "{\"id\":\"t24\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50,\"air_c\":null}]}", "segments[0].air_c", "expected a number, found null", "t24",
                "route", "{\"id\":\"t25\",\"dest_name\":\"" + new string('n', 40) + "\",\"segments\":[{\"len_m\":1000,\"speed_kmh\":50}]}", "dest_name", "longer than 32", "t25",
                "teleport", "{\"id\":\"t26\"}", "command", "unknown command 'teleport'", "t26",
                "ack", big, "$", "over the limit of 8192 bytes", "big",
                "config", deep, "$", "nested deeper than 6 levels", "d",
                "config", "{\"id\":\"t29\"}", "$", "nothing to change", "t29",
                "config", "{\"id\":\"t30\",\"alerts\":{\"ponr_warn_km\":0}}", "alerts.ponr_warn_km", "outside 1..100", "t30",
                "config", "{\"id\":\"t31\",\"alerts\":{\"band_exit\":0.6}}", "alerts.band_exit", "must be below band_enter", "t31",
                "config", "{\"id\":\"t32\",\"vehicle\":\"mass_kg=12\"}", "vehicle", "line 1: mass_kg: value 12 outside", "t32",
                "config", "{\"id\":\"t33\",\"signal_profile\":\"input=soc_pct\"}", "signal_profile", "line 1", "t33",
                "config", "{\"id\":\"t34\",\"telemetry\":{\"driving_s\":2.5}}", "telemetry.driving_s", "expected an integer", "t34",
                "config", "{\"id\":\"t43\",\"vehicle\":\"preset=rangeguard-ref\",\"signal_profile\":\"profile=t\\ninput=soc_pct id=0x100 start=0 len=8\"}", "signal_profile", "in two commands", "t43",
                "config", "{\"id\":\"t44\",\"signal_profile\":\"profile=t\\ninput=soc_pct id=0x100 start=0 len=8\",\"vehicle\":\"preset=rangeguard-ref\"}", "vehicle", "in two commands", "t44",
                "precondition", "{\"id\":\"t35\",\"action\":\"warm\"}", "action", "expected one of start, stop, schedule", "t35",
                "precondition", "{\"id\":\"t36\",\"action\":\"schedule\"}", "depart_ms", "required with action schedule", "t36",
                "precondition", "{\"id\":\"t37\",\"action\":\"stop\",\"minutes\":5}", "minutes", "only with action start", "t37",
                "ack", "{\"id\":\"t38\",\"code\":\"RG-NOPE\"}", "code", "unknown alert code", "t38",
                "ack", "{\"id\":\"t39\"}", "code", "required", "t39",
                "ping", "{\"id\":\"t40\",\"extra\":true}", "extra", "unknown field", "t40",
                "ping", "{\"id\":\"t41\"", "$", "unexpected end of input", "t41",
                "ping", "{\"id\":\"t42\\", "$", "unterminated", "",
            };

            CommandParser p = new CommandParser(10);
            int count = 0;
            for (int i = 0; i < cases.Length; i += 5)
            {
                string what = cases[i] + " " + (cases[i + 1].Length > 80 ? cases[i + 1].Substring(0, 80) : cases[i + 1]);
                Assert.IsFalse(Parse(p, cases[i], cases[i + 1]), "accepted: " + what);
                Assert.AreEqual(cases[i + 2], p.ErrorField, what + " -> " + p.ErrorReason);
                Assert.IsTrue(p.ErrorReason.IndexOf(cases[i + 3]) >= 0, what + " -> " + p.ErrorReason);
                Assert.AreEqual(cases[i + 4], p.RequestId == null ? string.Empty : p.RequestId, what + ": request id");
                count++;
            }

            Assert.IsTrue(count >= 30, "at least 30 malformed commands");
        }

        [TestMethod]
        public void A_refused_route_should_leave_a_plan_copied_from_an_earlier_one_unchanged()
        {
            CommandParser p = new CommandParser(10);
            Assert.IsTrue(Parse(p, "route", GoodRoute));
            RangeGuard.Forecast.RoutePlan live = new RangeGuard.Forecast.RoutePlan(10);
            live.CopyFrom(p.RouteStaging.Plan);

            Assert.IsFalse(Parse(p, "route", "{\"id\":\"r-2\",\"segments\":[{\"len_m\":5,\"speed_kmh\":50},{\"len_m\":-1,\"speed_kmh\":50}]}"));
            Assert.AreEqual(2, live.SegmentCount, "the plan in force is not the staging copy");
            Assert.AreEqual(10000f, live.Segments[0].LengthM);
        }

        [TestMethod]
        public void Results_should_carry_the_id_and_the_error()
        {
            JsonWriter w = new JsonWriter(256);
            CommandParser p = new CommandParser(10);
            Parse(p, "route", "{\"id\":\"r-43\",\"segments\":[{\"len_m\":-5,\"speed_kmh\":50}]}");
            Assert.AreEqual("{\"v\":1,\"id\":\"r-43\",\"ok\":false,\"t\":1767988800000,\"error\":{\"field\":\"segments[0].len_m\",\"reason\":\"-5 is outside 1..100000\"}}",
                CommandResult.Write(w, p, false, 1767988800000L, -1));
            Assert.AreEqual("{\"v\":1,\"id\":\"p\",\"ok\":true,\"t\":5,\"up_s\":12}", CommandResult.Write(w, "p", true, 5, null, null, 12));
            Assert.AreEqual("{\"v\":1,\"id\":null,\"ok\":false,\"t\":5,\"error\":{\"field\":\"$\",\"reason\":\"x\"}}", CommandResult.Write(w, null, false, 5, "$", "x", -1));

            RecentRequests recent = new RecentRequests(2);
            recent.Remember("ping", "a", "ra");
            recent.Remember("ping", "b", "rb");
            Assert.AreEqual("ra", recent.Find("ping", "a"));
            Assert.IsNull(recent.Find("ack", "a"), "ids are per command");
            recent.Remember("ping", "c", "rc");
            Assert.IsNull(recent.Find("ping", "a"), "the oldest is forgotten");
            Assert.AreEqual("rc", recent.Find("ping", "c"));
        }

        [TestMethod]
        public void Topics_should_follow_the_contract()
        {
            MqttTopics t = new MqttTopics(MqttTopics.DefaultPrefix, "rg-0001");
            Assert.AreEqual("rangeguard/v1/rg-0001/status", t.Status);
            Assert.AreEqual("rangeguard/v1/rg-0001/alerts/active", t.AlertsActive);
            Assert.AreEqual("rangeguard/v1/rg-0001/cmd/+", t.CommandFilter);
            Assert.AreEqual("rangeguard/v1/rg-0001/cmd/route/result", t.ResultTopic("route"));
            Assert.AreEqual("route", t.CommandName("rangeguard/v1/rg-0001/cmd/route"));
            Assert.IsNull(t.CommandName("rangeguard/v1/rg-0001/cmd/route/result"));
            Assert.IsNull(t.CommandName("rangeguard/v1/rg-0002/cmd/route"));
            Assert.IsNotNull(MqttTopics.CheckVehicleId("a/b"));
            Assert.IsNotNull(MqttTopics.CheckVehicleId("a+"));
            Assert.IsNull(MqttTopics.CheckVehicleId("sim-broder-2013"));
        }
    }
}
