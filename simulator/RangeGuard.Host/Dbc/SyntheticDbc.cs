using System.Globalization;
using System.Text;

namespace RangeGuard.Host.Dbc
{
    /// <summary>
    /// Generates a large, valid DBC (for the import test and benchmark): <c>messages</c> 8-byte messages with
    /// <c>signalsPerMessage</c> 8-bit signals each (at most 8), alternating Intel/Motorola and signed/unsigned,
    /// half the messages with extended ids, plus multi-line CM_, BA_ and VAL_ statements like real files have.
    /// Message i: id i+1 (11-bit) for i &lt; 1024, else extended 0x18000000 + i; signal j: byte j.
    /// </summary>
    public static class SyntheticDbc
    {
        public static string Generate(int messages, int signalsPerMessage)
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder(messages * (200 + signalsPerMessage * 70));
            sb.Append("VERSION \"synthetic\"\n\nNS_ :\n\tCM_\n\tBA_DEF_\n\tBA_\n\tVAL_\n\nBS_:\n\nBU_: ECU_A ECU_B\n\n");
            for (int i = 0; i < messages; i++)
            {
                sb.Append("BO_ ").Append(DbcId(i).ToString(inv)).Append(" MSG_").Append(i.ToString(inv)).Append(": 8 ECU_A\n");
                for (int j = 0; j < signalsPerMessage; j++)
                {
                    bool motorola = j % 2 == 1;
                    int start = motorola ? j * 8 + 7 : j * 8;
                    sb.Append(" SG_ S").Append(i.ToString(inv)).Append('_').Append(j.ToString(inv)).Append(" : ")
                      .Append(start.ToString(inv)).Append("|8@").Append(motorola ? '0' : '1').Append(j % 3 == 0 ? '-' : '+')
                      .Append(" (0.5,-10) [-74|117.5] \"°C\" ECU_B\n");
                }

                sb.Append('\n');
            }

            sb.Append("BA_DEF_ BO_ \"GenMsgCycleTime\" INT 0 10000;\n");
            for (int i = 0; i < messages; i++)
            {
                string id = DbcId(i).ToString(inv);
                sb.Append("CM_ BO_ ").Append(id).Append(" \"Message ").Append(i.ToString(inv)).Append(",\nwith a \\\"quoted\\\" word; on two lines.\";\n");
                sb.Append("BA_ \"GenMsgCycleTime\" BO_ ").Append(id).Append(" 100;\n");
                sb.Append("VAL_ ").Append(id).Append(" S").Append(i.ToString(inv)).Append("_0 0 \"Off\" 1 \"On\" ;\n");
            }

            return sb.ToString();
        }

        /// <summary>Id of message i as the DBC writes it.</summary>
        public static uint DbcId(int i) => i < 1024 ? (uint)(i + 1) : 0x80000000u | (uint)(0x18000000 + i);
    }
}
