using System.IO;
using System.Text;

namespace RangeGuard.Host.Dbc
{
    /// <summary>
    /// Reads a Vector DBC file as real files come: CRLF or LF, node lists over several lines, thousands of signals,
    /// extended ids, CAN FD lengths, multiplexing with SG_MUL_VAL_, VAL_ tables, comments and attributes.
    /// Nothing in the file's content throws: a statement that cannot be read is skipped and listed in
    /// <see cref="DbcFile.Issues"/> with its line and reason, and a signal the device cannot decode (past the 8 bytes
    /// of a classic frame, longer than 64 bits, a float, nested multiplexing...) is kept but marked unusable, so only a
    /// profile that uses it fails. The reader is split by concern: <see cref="DbcReader"/> (statement loop),
    /// DbcReader.Definitions (BO_/SG_/BU_), DbcReader.Annotations (CM_/VAL_/SG_MUL_VAL_/SIG_VALTYPE_), DbcReader.Checks
    /// (what a classic frame and the device's one-level multiplexing can decode), <see cref="DbcCursor"/> (tokens).
    /// </summary>
    public static class DbcParser
    {
        public static DbcFile ParseFile(string path)
        {
            return Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
        }

        public static DbcFile Parse(string text, string fileName = "<dbc>")
        {
            return new DbcReader(text, fileName).Read();
        }
    }
}
