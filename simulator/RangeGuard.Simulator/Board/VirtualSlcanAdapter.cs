using RangeGuard.Can.Slcan;
using RangeGuard.Ports;
using RangeGuard.Simulator.Running;

namespace RangeGuard.Simulator.Board
{
    /// <summary>
    /// The simulated USB-CAN adapter at the far end of the in-process pipe: it answers the agent's SLCAN set-up commands
    /// (CR = OK for each line), forwards bus traffic only while the channel is open (after <c>L</c> or <c>O</c>, until <c>C</c>),
    /// and writes each step's frames from the <see cref="TruthCanEncoder"/>. Allocates nothing per step.
    /// </summary>
    public sealed class VirtualSlcanAdapter
    {
        private readonly IByteLink _link;
        private readonly TruthCanEncoder _encoder;
        private readonly byte[] _cmd = new byte[64];
        private readonly byte[] _ok = { SlcanEncoder.Cr };
        private readonly byte[] _tx;
        private bool _lineStart = true;
        private byte _first;

        public VirtualSlcanAdapter(IByteLink bridgeEnd, TruthCanEncoder encoder)
        {
            _link = bridgeEnd;
            _encoder = encoder;
            _tx = new byte[encoder.MaxBytesPerStep + 64];
        }

        public bool IsOpen { get; private set; }

        public bool ListenOnly { get; private set; }

        public int CommandsAnswered { get; private set; }

        public long BytesSent { get; private set; }

        /// <summary>Reads and answers pending commands, then sends this step's traffic if the channel is open.</summary>
        public void Step(in TruthSnapshot truth)
        {
            ServiceCommands();
            if (!IsOpen)
            {
                return;
            }

            int n = _encoder.EncodeStep(in truth, _tx, 0);
            _link.Write(_tx, 0, n);
            BytesSent += n;
        }

        private void ServiceCommands()
        {
            int n;
            while ((n = _link.Read(_cmd, 0, _cmd.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    byte b = _cmd[i];
                    if (_lineStart)
                    {
                        _first = b;
                        _lineStart = false;
                    }

                    if (b != SlcanEncoder.Cr)
                    {
                        continue;
                    }

                    _lineStart = true;
                    if (_first == (byte)'L' || _first == (byte)'O')
                    {
                        IsOpen = true;
                        ListenOnly = _first == (byte)'L';
                    }
                    else if (_first == (byte)'C')
                    {
                        IsOpen = false;
                    }

                    _link.Write(_ok, 0, 1);
                    CommandsAnswered++;
                }
            }
        }
    }
}
