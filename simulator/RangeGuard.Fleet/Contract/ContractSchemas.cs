namespace RangeGuard.Fleet.Contract;

using static FieldSpec.Kind;

/// <summary>
/// The car → fleet payloads of hardware-docs/mqtt-contract.md v1, field for field (types, ranges, enumerations, size limits).
/// Keep in step with the contract page; the tests hold an example of each payload from it.
/// </summary>
internal static class ContractSchemas
{
    public const int Version = 1;

    public static readonly string[] AlertCodes =
    {
        "RG-ARRIVE-LOW", "RG-CHARGE-REQ", "RG-PONR", "RG-STRANDED", "RG-COLD-SOAK", "RG-PRECOND-ON", "RG-PRECOND-OFF",
        "RG-PRECOND-DECLINED", "RG-DEGRADED",
    };

    public static readonly string[] Severities = { "info", "advisory", "warning", "critical" };

    public static readonly string[] Events = { "raise", "worse", "clear", "ack" };

    public static readonly string[] PrecondModes = { "off", "wait_dc", "heat_dc", "wait_departure", "heat_departure", "declined" };

    public static readonly string[] Causes = { "speed", "cold air and tyres", "cabin heating", "cold battery", "elevation", "wind" };

    // Car time: 2000-01-01 .. 2200-01-01 in ms (the car's clock may be off, but not absurd).
    private const double MinTime = 946_684_800_000;
    private const double MaxTime = 7_258_118_400_000;

    private static FieldSpec V() => new() { Name = "v", Type = Int, Min = Version, Max = Version };

    private static FieldSpec T(bool required = true) => new() { Name = "t", Type = Int, Min = MinTime, Max = MaxTime, Required = required };

    private static FieldSpec I(string name, double min = 0, double max = int.MaxValue, bool required = true, bool nullable = false) =>
        new() { Name = name, Type = Int, Min = min, Max = max, Required = required, Nullable = nullable };

    private static FieldSpec N(string name, double min = -1e9, double max = 1e9, bool nullable = false, bool required = true) =>
        new() { Name = name, Type = Number, Min = min, Max = max, Nullable = nullable, Required = required };

    private static FieldSpec S(string name, int max = 200, bool nullable = false, bool required = true, string[]? oneOf = null) =>
        new() { Name = name, Type = String, MaxLength = max, Nullable = nullable, Required = required, OneOf = oneOf };

    private static FieldSpec B(string name, bool required = true) => new() { Name = name, Type = Bool, Required = required };

    public static readonly ObjectSpec Status = new(
        V(), S("state", oneOf: new[] { "online", "offline" }), T(required: false), S("reason", 32, required: false),
        S("fw", 32, required: false), S("profile", 64, required: false), I("up_s", required: false),
        I("free_b", required: false, nullable: true), I("seg_cap", required: false), I("queued", required: false),
        I("store_err", required: false));

    public static readonly ObjectSpec Telemetry = new(
        V(), T(), I("seq", 0, long.MaxValue), N("pos_m"), N("soc_pct", -5, 105, nullable: true), N("batt_c", -60, 100, nullable: true),
        N("amb_c", -70, 70, nullable: true), N("spd_kmh", -50, 400, nullable: true), B("valid"), B("degraded"),
        N("dest_p10", nullable: true), N("dest_p50", nullable: true), N("dest_p90", nullable: true), I("next_chg", -1, 64),
        N("next_p10", nullable: true), N("band", 0, 100), B("heater"), S("precond", oneOf: PrecondModes), N("heat_kwh", 0, 1000),
        S("alert", 32, nullable: true, oneOf: AlertCodes), I("sev", 0, 4), I("alerts", 0, 64), I("exc"), I("stale"), I("dropped"));

    private static readonly ObjectSpec Arrival = new(
        I("i", 0, 63, required: false), S("name", 32, nullable: true, required: false), N("dist_m"), N("eta_s"),
        N("p10"), N("p50"), N("p90"), N("reserve_pct", 0, 100), N("p_short", 0, 1), B("reachable"));

    private static readonly ObjectSpec ChargerArrival = new(
        I("i", 0, 63), S("name", 32, nullable: true), N("dist_m"), N("eta_s"), N("p10"), N("p50"), N("p90"), N("reserve_pct", 0, 100),
        N("p_short", 0, 1), B("reachable"));

    private static readonly ObjectSpec Cause = new(S("cause", 32, oneOf: Causes), N("km"));

    private static readonly ObjectSpec Advice = new(
        N("max_kmh", -1, 400), I("charge_at", -1, 63), N("charge_min", 0, 1e6), N("charge_to_pct", 0, 100), N("setpoint_gain_km"),
        B("plug_in"), S("precondition", oneOf: PrecondModes));

    public static readonly ObjectSpec Forecast = new(
        V(), T(), S("plan", 64, nullable: true), B("valid"), B("degraded"), S("reason", 200, nullable: true), N("pos_m"), N("band", 0, 100),
        new FieldSpec { Name = "dest", Type = Object, Items = Arrival, Nullable = true },
        new FieldSpec { Name = "chargers", Type = Array, Items = ChargerArrival, MaxLength = 8 },
        new FieldSpec { Name = "causes", Type = Array, Items = Cause, MaxLength = 3 },
        N("strand_m"),
        new FieldSpec { Name = "advice", Type = Object, Items = Advice, Nullable = true });

    public static readonly ObjectSpec Alert = new(
        V(), I("seq", 1, long.MaxValue), T(), S("code", 32, oneOf: AlertCodes), S("sev", oneOf: Severities), S("event", oneOf: Events),
        B("active"), B("acked"), S("text", 200), B("fleet"), N("pos_m"), N("odo_km", 0, 1e7, nullable: true), N("strand_m"));

    private static readonly ObjectSpec ActiveItem = new(
        S("code", 32, oneOf: AlertCodes), S("sev", oneOf: Severities), B("acked"), B("fleet"), S("text", 200));

    public static readonly ObjectSpec AlertsActive = new(
        V(), T(), I("seq", 0, long.MaxValue), new FieldSpec { Name = "active", Type = Array, Items = ActiveItem, MaxLength = 16 });

    private static readonly ObjectSpec Error = new(S("field", 200), S("reason", 400));

    public static readonly ObjectSpec CommandResult = new(
        V(), S("id", 64, nullable: true), B("ok"), T(), new FieldSpec { Name = "error", Type = Object, Items = Error, Required = false },
        I("up_s", required: false));
}
