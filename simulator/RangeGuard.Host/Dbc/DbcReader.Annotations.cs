using System.Collections.Generic;

namespace RangeGuard.Host.Dbc
{
    /// <summary>
    /// Statements that annotate messages and signals (CM_, VAL_, VAL_TABLE_, SG_MUL_VAL_, SIG_VALTYPE_): read where
    /// they stand, applied once every message is known. Attributes and the rest are checked for their ';' and skipped.
    /// </summary>
    internal sealed partial class DbcReader
    {
        private readonly List<Annotation> _annotations = new();

        private enum AnnotationKind
        {
            MessageComment,
            SignalComment,
            Values,
            MuxValues,
            ValueType,
        }

        private sealed record Annotation(AnnotationKind Kind, int Line, uint MessageId, string Signal, object? Data);

        private void ReadAnnotation(string keyword, string text, int lineNo)
        {
            var c = new DbcCursor(text);
            switch (keyword)
            {
                case "CM_":
                    c.Expect("CM_");
                    if (c.TryExpect("BO_"))
                    {
                        uint id = c.UInt("message id");
                        _annotations.Add(new Annotation(AnnotationKind.MessageComment, lineNo, id, "", c.QuotedString()));
                    }
                    else if (c.TryExpect("SG_"))
                    {
                        uint id = c.UInt("message id");
                        string signal = c.Identifier("signal name");
                        _annotations.Add(new Annotation(AnnotationKind.SignalComment, lineNo, id, signal, c.QuotedString()));
                    }

                    break;
                case "VAL_":
                    c.Expect("VAL_");
                    if (!c.PeekDigit())
                    {
                        break; // VAL_ of an environment variable
                    }

                    uint valId = c.UInt("message id");
                    string valSignal = c.Identifier("signal name");
                    _annotations.Add(new Annotation(AnnotationKind.Values, lineNo, valId, valSignal, ReadValues(c)));
                    break;
                case "VAL_TABLE_":
                    c.Expect("VAL_TABLE_");
                    string table = c.Identifier("value table name");
                    _valueTables[table] = ReadValues(c);
                    break;
                case "SG_MUL_VAL_":
                    c.Expect("SG_MUL_VAL_");
                    uint mulId = c.UInt("message id");
                    string mulSignal = c.Identifier("signal name");
                    string mulSwitch = c.Identifier("switch name");
                    var ranges = new List<DbcMuxRange>();
                    do
                    {
                        uint from = c.UInt("range start");
                        c.Expect("-");
                        uint to = c.UInt("range end");
                        ranges.Add(new DbcMuxRange(from, to));
                    }
                    while (c.TryExpect(","));
                    _annotations.Add(new Annotation(AnnotationKind.MuxValues, lineNo, mulId, mulSignal, (mulSwitch, ranges)));
                    break;
                case "SIG_VALTYPE_":
                    c.Expect("SIG_VALTYPE_");
                    uint typeId = c.UInt("message id");
                    string typeSignal = c.Identifier("signal name");
                    c.TryExpect(":");
                    uint type = c.UInt("value type 0, 1 or 2");
                    _annotations.Add(new Annotation(AnnotationKind.ValueType, lineNo, typeId, typeSignal, type));
                    break;
            }
        }

        private static List<DbcValue> ReadValues(DbcCursor c)
        {
            var values = new List<DbcValue>();
            while (!c.Peek(';') && !c.AtEnd)
            {
                double raw = c.Number("raw value");
                string name = c.QuotedString();
                values.Add(new DbcValue((long)raw, name));
            }

            return values;
        }

        private void ApplyAnnotations()
        {
            foreach (Annotation a in _annotations)
            {
                DbcMessage? m = _byId.GetValueOrDefault(DbcMessage.KeyOf(a.MessageId));
                if (m == null)
                {
                    Issue(a.Line, DbcIssueKind.Note, $"{Keyword(a.Kind)} names message id {a.MessageId}, which is not defined: ignored");
                    continue;
                }

                if (a.Kind == AnnotationKind.MessageComment)
                {
                    m.Comment = (string)a.Data!;
                    continue;
                }

                DbcSignal? s = m.FindSignal(a.Signal);
                if (s == null)
                {
                    Issue(a.Line, DbcIssueKind.Note, $"{Keyword(a.Kind)} names signal {m.Name}.{a.Signal}, which is not defined: ignored", m.Name + "." + a.Signal);
                    continue;
                }

                switch (a.Kind)
                {
                    case AnnotationKind.SignalComment:
                        s.Comment = (string)a.Data!;
                        break;
                    case AnnotationKind.Values:
                        s.Values = (List<DbcValue>)a.Data!;
                        break;
                    case AnnotationKind.MuxValues:
                        var (switchName, ranges) = ((string, List<DbcMuxRange>))a.Data!;
                        s.MuxSwitchName = switchName;
                        s.MuxRanges = ranges;
                        if (s.MuxRole != DbcMuxRole.Multiplexed)
                        {
                            Issue(a.Line, DbcIssueKind.Note, $"SG_MUL_VAL_ for {m.Name}.{s.Name}, which has no m<n> indicator: treated as multiplexed by {switchName}", m.Name + "." + s.Name);
                            s.MuxRole = DbcMuxRole.Multiplexed;
                        }

                        break;
                    case AnnotationKind.ValueType:
                        uint type = (uint)a.Data!;
                        s.ValueType = type == 1 ? DbcValueType.Float32 : type == 2 ? DbcValueType.Float64 : DbcValueType.Integer;
                        break;
                }
            }
        }

        private static string Keyword(AnnotationKind kind) => kind switch
        {
            AnnotationKind.MessageComment or AnnotationKind.SignalComment => "CM_",
            AnnotationKind.Values => "VAL_",
            AnnotationKind.MuxValues => "SG_MUL_VAL_",
            _ => "SIG_VALTYPE_",
        };
    }
}
