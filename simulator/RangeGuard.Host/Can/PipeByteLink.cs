using System;
using System.Collections.Generic;
using System.Threading;

namespace RangeGuard.Host.Can
{
    /// <summary>
    /// One end of an in-process byte pipe (the simulator's virtual bridge talks to the agent through a pair).
    /// Thread-safe. Reads return what is queued; with a read timeout above 0 an empty read waits up to that long.
    /// </summary>
    public sealed class PipeByteLink : IHostByteLink
    {
        private readonly Queue<byte> _incoming;
        private readonly Queue<byte> _outgoing;
        private readonly int _readTimeoutMs;

        private PipeByteLink(Queue<byte> incoming, Queue<byte> outgoing, int readTimeoutMs, string description)
        {
            _incoming = incoming;
            _outgoing = outgoing;
            _readTimeoutMs = readTimeoutMs;
            Description = description;
        }

        public string Description { get; }

        /// <summary>Bytes waiting to be read at this end.</summary>
        public int Available
        {
            get
            {
                lock (_incoming)
                {
                    return _incoming.Count;
                }
            }
        }

        /// <summary>Two connected ends: what one writes, the other reads. readTimeoutMs 0 = never wait (deterministic tests).</summary>
        public static (PipeByteLink Agent, PipeByteLink Bridge) CreatePair(int readTimeoutMs = 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(readTimeoutMs);
            var toAgent = new Queue<byte>();
            var toBridge = new Queue<byte>();
            return (new PipeByteLink(toAgent, toBridge, readTimeoutMs, "pipe:agent"),
                    new PipeByteLink(toBridge, toAgent, readTimeoutMs, "pipe:bridge"));
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            lock (_incoming)
            {
                if (_incoming.Count == 0 && _readTimeoutMs > 0)
                {
                    Monitor.Wait(_incoming, _readTimeoutMs);
                }

                int n = Math.Min(count, _incoming.Count);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _incoming.Dequeue();
                }

                return n;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_outgoing)
            {
                for (int i = 0; i < count; i++)
                {
                    _outgoing.Enqueue(buffer[offset + i]);
                }

                Monitor.PulseAll(_outgoing);
            }
        }

        public void Dispose()
        {
        }
    }
}
