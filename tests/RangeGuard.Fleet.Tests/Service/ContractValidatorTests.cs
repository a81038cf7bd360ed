using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Contract;
using RangeGuard.Fleet.Tests.Fixtures;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>Every car payload is checked against the contract: the examples pass, and each kind of bad input is refused with its reason.</summary>
[TestClass]
public sealed class ContractValidatorTests
{
    private readonly ContractValidator _v = new();

    private RejectReason Check(string topic, string payload, out string detail)
    {
        RejectReason r = _v.Validate(topic, Encoding.UTF8.GetBytes(payload), out ValidatedMessage? m, out detail);
        m?.Document.Dispose();
        return r;
    }

    [TestMethod]
    public void ContractExamplesPass()
    {
        const string car = "rangeguard/v1/rg-0001/";
        foreach (var (topic, payload) in new[]
        {
            ("status", Payloads.Status()),
            ("status", Payloads.Status("offline")),
            ("telemetry", Payloads.Telemetry(3, 55.0, 725, TestCar.T0)),
            ("forecast", Payloads.Forecast(TestCar.T0)),
            ("alerts", Payloads.Alert(17)),
            ("alerts", Payloads.Alert(18, "RG-STRANDED", "critical", "clear")),
            ("alerts/active", Payloads.Active(17, TestCar.T0, ("RG-STRANDED", "critical"))),
            ("cmd/route/result", Payloads.Result("r-42", true)),
            ("cmd/route/result", Payloads.Result("r-43", false, field: "segments[3].len_m", reason: "-5 is outside 1..100000")),
            ("cmd/route/result", "{\"v\":1,\"id\":null,\"ok\":false,\"t\":1767988800000,\"error\":{\"field\":\"$\",\"reason\":\"offset 57: unexpected end of input, expected a value\"}}"),
        })
        {
            Assert.AreEqual(RejectReason.None, Check(car + topic, payload, out string d), $"{topic}: {d}");
        }
    }

    [TestMethod]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":1,\"seq\":1", RejectReason.Malformed, "not JSON")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "[1,2]", RejectReason.Malformed, "not a JSON object")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":2,\"seq\":1}", RejectReason.WrongVersion, "version 1")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"seq\":1}", RejectReason.WrongVersion, "missing")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":\"1\"}", RejectReason.WrongVersion, "\"1\"")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":1,\"seq\":0,\"t\":1767988800000}", RejectReason.Invalid, "seq: 0 is outside")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":1,\"seq\":1.5,\"t\":1767988800000}", RejectReason.Invalid, "seq: expected an integer")]
    [DataRow("rangeguard/v1/rg-0001/alerts", "{\"v\":1,\"seq\":\"1\",\"t\":1767988800000}", RejectReason.Invalid, "seq: expected an integer")]
    [DataRow("rangeguard/v1/rg-0001/status", "{\"v\":1,\"state\":\"sleeping\"}", RejectReason.Invalid, "state: 'sleeping' is not one of")]
    [DataRow("rangeguard/v1/rg-0001/status", "{\"v\":1,\"state\":\"online\",\"t\":1767988800000}", RejectReason.Invalid, "fw: missing")]
    [DataRow("rangeguard/v1/rg-0001/cmd/ping/result", "{\"v\":1,\"id\":\"p\",\"ok\":false,\"t\":1767988800000}", RejectReason.Invalid, "error: missing")]
    [DataRow("rangeguard/v1/rg-0001/cmd/ping/result", "{\"v\":1,\"id\":\"p\",\"ok\":true,\"t\":5}", RejectReason.Invalid, "t: 5 is outside")]
    [DataRow("rangeguard/v1/bad+id/alerts", "{}", RejectReason.BadTopic, "not a contract")]
    [DataRow("rangeguard/v1/rg-0001/unknown", "{}", RejectReason.BadTopic, "not a contract")]
    [DataRow("rangeguard/v1/rg-0001/cmd/route", "{}", RejectReason.BadTopic, "not a contract")]
    [DataRow("rangeguard/v2/rg-0001/alerts", "{}", RejectReason.BadTopic, "not a contract")]
    public void BadInputIsRefusedWithItsReason(string topic, string payload, RejectReason expected, string detailPart)
    {
        Assert.AreEqual(expected, Check(topic, payload, out string detail), detail);
        StringAssert.Contains(detail, detailPart);
    }

    [TestMethod]
    public void FieldRulesOfAlerts()
    {
        const string topic = "rangeguard/v1/rg-0001/alerts";
        string ok = Payloads.Alert(5);
        Assert.AreEqual(RejectReason.Invalid, Check(topic, ok.Replace("RG-STRANDED", "RG-UNKNOWN"), out string d1));
        StringAssert.Contains(d1, "code: 'RG-UNKNOWN' is not one of");
        Assert.AreEqual(RejectReason.Invalid, Check(topic, ok.Replace("\"active\":true", "\"active\":false"), out string d2));
        StringAssert.Contains(d2, "does not go with event 'raise'");
        Assert.AreEqual(RejectReason.Invalid, Check(topic, ok.Replace("\"strand_m\":18333", "\"strand_m\":null"), out string d3));
        StringAssert.Contains(d3, "strand_m: null is not allowed");
        Assert.AreEqual(RejectReason.Invalid, Check(topic, ok.Replace(",\"fleet\":true", string.Empty), out string d4));
        StringAssert.Contains(d4, "fleet: missing");
        string longText = new string('x', 201);
        Assert.AreEqual(RejectReason.Invalid, Check(topic, Payloads.Alert(5, text: longText), out string d5));
        StringAssert.Contains(d5, "text: longer than 200");
    }

    [TestMethod]
    public void OversizedAndDeepPayloadsAreRefused()
    {
        string big = Payloads.Alert(5, text: "x") + new string(' ', 800);
        Assert.AreEqual(RejectReason.Oversized, Check("rangeguard/v1/rg-0001/alerts", big, out string d));
        StringAssert.Contains(d, "the limit for Alert is 768");
        string deep = "{\"v\":1,\"a\":" + string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20)) + "}";
        Assert.AreEqual(RejectReason.Malformed, Check("rangeguard/v1/rg-0001/status", deep, out _));
    }

    [TestMethod]
    public void UnknownFieldsAreIgnored()
    {
        // Contract: adding an optional output field is not breaking (the car's telemetry carries CAN counters today).
        string t = Payloads.Telemetry(1, 50, 0, TestCar.T0).Replace("\"dropped\":0}", "\"dropped\":0,\"can_frames\":1200,\"slcan_errors\":0}");
        Assert.AreEqual(RejectReason.None, Check("rangeguard/v1/rg-0001/telemetry", t, out string d), d);
    }
}
