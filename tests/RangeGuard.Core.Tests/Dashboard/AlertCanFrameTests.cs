#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using RangeGuard.Alerts;
using RangeGuard.Can;
using RangeGuard.Dashboard;
using RangeGuard.Tests.Fakes;

namespace RangeGuard.Tests.Dashboard
{
    [TestClass]
    public class AlertCanFrameTests
    {
        [TestMethod]
        public void Encode_should_pack_top_alert_flags_and_soc_little_endian()
        {
            AgentRig rig = new AgentRig();
            rig.Drive(40f, 20f, 0f, 100f);
            rig.SetPlan();
            rig.Forecaster.Next.Destination.SocP50 = -5f;
            rig.Forecaster.Next.Destination.SocP10 = -9f;
            rig.Forecaster.Next.Destination.Reachable = false;
            rig.Forecaster.Next.LastReachableChargerIndex = -1;
            rig.Step(1);

            CanFrame f = AlertCanFrame.Encode(AlertCanFrame.DefaultId, rig.Agent.Alerts, true, true, -5f, 7);
            // Top: RG-STRANDED (kind 3, critical 4), fleet + heater flags, 2 active (arrive-low too), -50 = 0xFFCE.
            Assert.AreEqual(0x6F0u, f.Id);
            Assert.AreEqual((byte)8, f.Length);
            Assert.AreEqual(0x0007FFCE02060404UL, f.Data);
        }

        [TestMethod]
        public void Encode_should_mark_unknown_soc_and_no_alert()
        {
            AlertTable t = new AlertTable();
            CanFrame f = AlertCanFrame.Encode(0x123, t, false, false, 12f, 0);
            Assert.AreEqual(0x0000800000000000UL, f.Data);
        }
    }
}
