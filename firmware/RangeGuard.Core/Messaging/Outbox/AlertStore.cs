using RangeGuard.Ports;

namespace RangeGuard.Messaging.Outbox
{
    /// <summary>
    /// Durable log of unsent alert messages and of the alert sequence number, over two files of an <see cref="IFileStore"/>.
    /// Each record is appended whole in one write: <c>A5 type len(2, LE) payload CRC-32(4, LE, over type..payload)</c>.
    /// Records: header and commit (generation, last seq, acknowledged-through seq), alert (seq + UTF-8 JSON), ack (seq).
    /// A power cut tears at most the record being written; on open every file is scanned, damaged bytes are skipped
    /// (resynchronising on the next valid record), and both files are merged: the highest seq seen anywhere and the highest
    /// acknowledged seq win, so neither an interrupted compaction nor one damaged record loses the others. Compaction
    /// rewrites the pending alerts into the other file (header … commit) and then deletes the old one.
    /// </summary>
    public sealed class AlertStore
    {
        public const string FileA = "rgoutbox-a.log";
        public const string FileB = "rgoutbox-b.log";

        /// <summary>Largest alert payload stored, bytes of UTF-8 (the contract allows 768).</summary>
        public const int MaxPayloadBytes = 1024;

        /// <summary>The active file is compacted when an acknowledgement finds it longer than this.</summary>
        public const int CompactBytes = 8192;

        private const byte Magic = 0xA5;
        private const byte TypeHeader = 1;
        private const byte TypeAlert = 2;
        private const byte TypeAck = 3;
        private const byte TypeCommit = 4;
        private const int Overhead = 8;

        private readonly IFileStore _files;
        private readonly byte[] _record = new byte[Overhead + 4 + MaxPayloadBytes];
        private char[] _chars; // decode buffer, only while opening (not kept)
        private bool _needsCompaction;

        public AlertStore(IFileStore files)
        {
            _files = files;
            ActiveFile = FileA;
        }

        /// <summary>Highest alert seq ever assigned (0 before the first alert).</summary>
        public int LastSeq { get; private set; }

        /// <summary>Every alert up to this seq was acknowledged by the broker.</summary>
        public int AckedSeq { get; private set; }

        public int Generation { get; private set; }

        public string ActiveFile { get; private set; }

        /// <summary>Bytes in the active file (tracked, not re-read).</summary>
        public int ActiveLength { get; private set; }

        /// <summary>Damaged or torn stretches skipped while opening.</summary>
        public int DamagedRecords { get; private set; }

        /// <summary>Pending alerts found on open that did not fit the caller's arrays.</summary>
        public int Overflow { get; private set; }

        /// <summary>
        /// Reads both files and returns the unacknowledged alerts in seq order (at most the arrays' length), restoring
        /// <see cref="LastSeq"/> and <see cref="AckedSeq"/>. Compacts at once when it found damage or both files.
        /// Storage errors propagate (the caller counts them and runs from RAM).
        /// </summary>
        public int Open(int[] seqs, string[] payloads)
        {
            LastSeq = 0;
            AckedSeq = 0;
            Generation = 0;
            DamagedRecords = 0;
            Overflow = 0;
            _needsCompaction = false;
            int count = 0;
            _chars = new char[MaxPayloadBytes + 1];
            int genA = Scan(FileA, seqs, payloads, ref count);
            int genB = Scan(FileB, seqs, payloads, ref count);
            _chars = null;

            // Drop what was acknowledged (acks may sit in a later file than the alert).
            int kept = 0;
            for (int i = 0; i < count; i++)
            {
                if (seqs[i] > AckedSeq)
                {
                    seqs[kept] = seqs[i];
                    payloads[kept] = payloads[i];
                    kept++;
                }
            }

            for (int i = kept; i < count; i++)
            {
                payloads[i] = null;
            }

            bool hasA = _files.Length(FileA) >= 0;
            bool hasB = _files.Length(FileB) >= 0;
            if (genA < 0 && genB < 0)
            {
                _needsCompaction = true;
            }
            else
            {
                ActiveFile = genB > genA ? FileB : FileA;
                Generation = genB > genA ? genB : genA;
                ActiveLength = _files.Length(ActiveFile);
            }

            if (_needsCompaction || (hasA && hasB))
            {
                Compact(seqs, payloads, kept);
            }

            return kept;
        }

        /// <summary>Appends one alert record (the seq becomes <see cref="LastSeq"/>). False when the payload is too long to store.</summary>
        public bool AppendAlert(int seq, string payload)
        {
            int n = Utf8Text.Encode(payload, _record, 8);
            if (n < 0 || n > MaxPayloadBytes)
            {
                return false;
            }

            WriteInt(_record, 4, seq);
            Append(ActiveFile, TypeAlert, 4 + n);
            if (seq > LastSeq)
            {
                LastSeq = seq;
            }

            return true;
        }

        /// <summary>Records that every alert up to <paramref name="seq"/> was acknowledged.</summary>
        public void AppendAck(int seq)
        {
            if (seq <= AckedSeq)
            {
                return;
            }

            WriteInt(_record, 4, seq);
            Append(ActiveFile, TypeAck, 4);
            AckedSeq = seq;
        }

        /// <summary>True when the active file has grown past <see cref="CompactBytes"/>.</summary>
        public bool WantsCompaction
        {
            get { return ActiveLength > CompactBytes; }
        }

        /// <summary>
        /// Rewrites the pending alerts (seq order) into the other file, commits it, then deletes the old file. A power cut
        /// at any point leaves a state <see cref="Open"/> merges back.
        /// </summary>
        public void Compact(int[] seqs, string[] payloads, int count)
        {
            string target = ActiveFile == FileA ? FileB : FileA;
            string old = ActiveFile;
            _files.Delete(target);
            int gen = Generation + 1;
            AppendMarker(target, TypeHeader, gen);
            int length = Overhead + 12;
            for (int i = 0; i < count; i++)
            {
                int n = Utf8Text.Encode(payloads[i], _record, 8);
                if (n < 0 || n > MaxPayloadBytes)
                {
                    continue;
                }

                WriteInt(_record, 4, seqs[i]);
                Append(target, TypeAlert, 4 + n);
                length += Overhead + 4 + n;
            }

            AppendMarker(target, TypeCommit, gen);
            length += Overhead + 12;
            Generation = gen;
            ActiveFile = target;
            ActiveLength = length;
            _needsCompaction = false;
            _files.Delete(old);
        }

        private void AppendMarker(string file, byte type, int gen)
        {
            WriteInt(_record, 4, gen);
            WriteInt(_record, 8, LastSeq);
            WriteInt(_record, 12, AckedSeq);
            Append(file, type, 12);
        }

        /// <summary>Frames _record[4..4+payloadLength) and appends it with one write.</summary>
        private void Append(string file, byte type, int payloadLength)
        {
            _record[0] = Magic;
            _record[1] = type;
            _record[2] = (byte)(payloadLength & 0xFF);
            _record[3] = (byte)(payloadLength >> 8);
            uint crc = Crc32.Compute(_record, 1, 3 + payloadLength);
            WriteInt(_record, 4 + payloadLength, RangeGuard.Common.Bits.ToInt32(crc));
            _files.Append(file, _record, 0, Overhead + payloadLength);
            if (file == ActiveFile)
            {
                ActiveLength += Overhead + payloadLength;
            }
        }

        /// <summary>Scans one file; returns the generation of its commit record (-1: none, or no file).</summary>
        private int Scan(string file, int[] seqs, string[] payloads, ref int count)
        {
            int length = _files.Length(file);
            if (length < 0)
            {
                return -1;
            }

            // Read once at boot; the file is bounded by compaction (pending alerts + CompactBytes).
            byte[] data = new byte[length];
            int got = 0;
            while (got < length)
            {
                int n = _files.Read(file, got, data, got, length - got);
                if (n <= 0)
                {
                    break;
                }

                got += n;
            }

            int commitGen = -1;
            int pos = 0;
            bool damaged = false;
            while (pos < got)
            {
                int plen = pos + 4 <= got ? data[pos + 2] | (data[pos + 3] << 8) : -1;
                bool valid = data[pos] == Magic && plen >= 4 && plen <= MaxPayloadBytes + 4 && pos + Overhead + plen <= got
                    && (uint)ReadInt(data, pos + 4 + plen) == Crc32.Compute(data, pos + 1, 3 + plen);
                if (!valid)
                {
                    if (!damaged)
                    {
                        DamagedRecords++;
                        damaged = true;
                    }

                    _needsCompaction = true;
                    pos++;
                    continue;
                }

                damaged = false;
                byte type = data[pos + 1];
                int a = ReadInt(data, pos + 4);
                if (type == TypeHeader || type == TypeCommit)
                {
                    if (plen >= 12)
                    {
                        Max(ReadInt(data, pos + 8), ReadInt(data, pos + 12));
                        if (type == TypeCommit && a > commitGen)
                        {
                            commitGen = a;
                        }
                    }
                }
                else if (type == TypeAck)
                {
                    Max(0, a);
                }
                else if (type == TypeAlert)
                {
                    Max(a, 0);
                    AddPending(a, data, pos + 8, plen - 4, seqs, payloads, ref count);
                }

                pos += Overhead + plen;
            }

            return commitGen;
        }

        private void Max(int lastSeq, int acked)
        {
            if (lastSeq > LastSeq)
            {
                LastSeq = lastSeq;
            }

            if (acked > AckedSeq)
            {
                AckedSeq = acked;
            }
        }

        /// <summary>Inserts in seq order, skipping a seq already held (the same alert in both files).</summary>
        private void AddPending(int seq, byte[] data, int index, int length, int[] seqs, string[] payloads, ref int count)
        {
            int at = count;
            while (at > 0 && seqs[at - 1] > seq)
            {
                at--;
            }

            if (at > 0 && seqs[at - 1] == seq)
            {
                return;
            }

            if (count >= seqs.Length)
            {
                Overflow++;
                if (at >= count)
                {
                    return;
                }

                count--; // keep the oldest: the newest held one makes room
                payloads[count] = null;
            }

            for (int i = count; i > at; i--)
            {
                seqs[i] = seqs[i - 1];
                payloads[i] = payloads[i - 1];
            }

            seqs[at] = seq;
            payloads[at] = Utf8Text.Decode(data, index, length, _chars);
            count++;
        }

        private static void WriteInt(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        private static int ReadInt(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }
    }
}
