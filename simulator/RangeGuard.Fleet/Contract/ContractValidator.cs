using System.Text.Json;

namespace RangeGuard.Fleet.Contract;

/// <summary>What a topic under the contract prefix carries.</summary>
public enum MessageKind
{
    Status,
    Telemetry,
    Forecast,
    Alert,
    AlertsActive,
    CommandResult,
}

/// <summary>Why a payload was refused (the metric and log category).</summary>
public enum RejectReason
{
    None,
    BadTopic,
    Oversized,
    Malformed,
    WrongVersion,
    Invalid,
}

/// <summary>A payload that passed the contract: its kind, vehicle and parsed document (the caller disposes it).</summary>
public sealed record ValidatedMessage(MessageKind Kind, string VehicleId, string? CommandName, JsonDocument Document);

/// <summary>
/// Checks a received topic and payload against the MQTT contract v1: topic shape and vehicle id, size limit per topic,
/// JSON syntax (depth at most 8), <c>"v":1</c>, then every documented field (type, null, range, enumeration) and the
/// rules between fields (an alert's <c>active</c> is false only for <c>clear</c>; a failed result carries an error).
/// </summary>
public sealed class ContractValidator
{
    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 8, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private readonly string _prefix;

    public ContractValidator(string prefix = "rangeguard/v1/")
    {
        _prefix = prefix;
    }

    /// <summary>Contract payload limits, bytes.</summary>
    public static int MaxBytes(MessageKind k) => k switch
    {
        MessageKind.Status => 512,
        MessageKind.Telemetry => 768,
        MessageKind.Forecast => 3072,
        MessageKind.Alert => 768,
        MessageKind.AlertsActive => 3072,
        _ => 512,
    };

    /// <summary>Splits a topic into vehicle id and kind; false when it is not a car → fleet topic of the contract.</summary>
    public bool TryParseTopic(string topic, out string vehicleId, out MessageKind kind, out string? command)
    {
        vehicleId = string.Empty;
        kind = default;
        command = null;
        if (!topic.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = topic[_prefix.Length..].Split('/');
        if (parts.Length < 2 || !IsVehicleId(parts[0]))
        {
            return false;
        }

        vehicleId = parts[0];
        switch (parts.Length)
        {
            case 2:
                switch (parts[1])
                {
                    case "status": kind = MessageKind.Status; return true;
                    case "telemetry": kind = MessageKind.Telemetry; return true;
                    case "forecast": kind = MessageKind.Forecast; return true;
                    case "alerts": kind = MessageKind.Alert; return true;
                    default: return false;
                }

            case 3:
                kind = MessageKind.AlertsActive;
                return parts[1] == "alerts" && parts[2] == "active";
            case 4:
                kind = MessageKind.CommandResult;
                command = parts[2];
                return parts[1] == "cmd" && parts[3] == "result" && command.Length is > 0 and <= 32;
            default:
                return false;
        }
    }

    /// <summary>Contract: 1..32 characters of A-Z a-z 0-9 . _ -.</summary>
    public static bool IsVehicleId(string id)
    {
        if (id.Length is 0 or > 32)
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Validates one message; on success <paramref name="message"/> holds the parsed document.</summary>
    public RejectReason Validate(string topic, ReadOnlyMemory<byte> payload, out ValidatedMessage? message, out string detail)
    {
        message = null;
        if (!TryParseTopic(topic, out string vehicle, out MessageKind kind, out string? command))
        {
            detail = "not a contract v1 car topic";
            return RejectReason.BadTopic;
        }

        if (payload.Length > MaxBytes(kind))
        {
            detail = $"{payload.Length} bytes, the limit for {kind} is {MaxBytes(kind)}";
            return RejectReason.Oversized;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload, s_json);
        }
        catch (JsonException e)
        {
            detail = "not JSON: " + e.Message;
            return RejectReason.Malformed;
        }

        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            detail = "not a JSON object";
            return RejectReason.Malformed;
        }

        if (!root.TryGetProperty("v", out JsonElement v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version) || version != ContractSchemas.Version)
        {
            detail = "\"v\" is " + (root.TryGetProperty("v", out v) ? v.GetRawText() : "missing") + ", this service reads version 1";
            doc.Dispose();
            return RejectReason.WrongVersion;
        }

        string? problem = kind switch
        {
            MessageKind.Status => ContractSchemas.Status.Check(root, string.Empty) ?? CheckStatus(root),
            MessageKind.Telemetry => ContractSchemas.Telemetry.Check(root, string.Empty),
            MessageKind.Forecast => ContractSchemas.Forecast.Check(root, string.Empty),
            MessageKind.Alert => ContractSchemas.Alert.Check(root, string.Empty) ?? CheckAlert(root),
            MessageKind.AlertsActive => ContractSchemas.AlertsActive.Check(root, string.Empty),
            _ => ContractSchemas.CommandResult.Check(root, string.Empty) ?? CheckResult(root),
        };
        if (problem != null)
        {
            doc.Dispose();
            detail = problem;
            return RejectReason.Invalid;
        }

        detail = string.Empty;
        message = new ValidatedMessage(kind, vehicle, command, doc);
        return RejectReason.None;
    }

    private static string? CheckStatus(JsonElement root)
    {
        if (root.GetProperty("state").GetString() == "online")
        {
            foreach (string f in new[] { "t", "fw", "profile", "up_s" })
            {
                if (!root.TryGetProperty(f, out _))
                {
                    return f + ": missing (required when online)";
                }
            }
        }

        return null;
    }

    private static string? CheckAlert(JsonElement root)
    {
        bool clear = root.GetProperty("event").GetString() == "clear";
        bool active = root.GetProperty("active").GetBoolean();
        return clear == active ? $"active: {(active ? "true" : "false")} does not go with event '{root.GetProperty("event").GetString()}'" : null;
    }

    private static string? CheckResult(JsonElement root)
    {
        bool ok = root.GetProperty("ok").GetBoolean();
        bool hasError = root.TryGetProperty("error", out _);
        return ok == hasError ? (ok ? "error: present on an ok result" : "error: missing on a failed result") : null;
    }
}
