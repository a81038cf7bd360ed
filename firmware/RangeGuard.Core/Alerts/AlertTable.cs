namespace RangeGuard.Alerts
{
    /// <summary>
    /// Fixed table of all alert slots plus a bounded queue of transitions the agent drains into alert messages.
    /// Nothing here allocates after construction.
    /// </summary>
    public sealed class AlertTable
    {
        /// <summary>Capacity of the transition queue; more transitions in one tick than this are counted as lost.</summary>
        public const int QueueCapacity = 32;

        private readonly AlertSlot[] _slots;
        private readonly int[] _queueKind = new int[QueueCapacity];
        private readonly int[] _queueEvent = new int[QueueCapacity];
        private int _queueCount;

        // TopKind, TopUnacknowledgedKind and ActiveCount as of Transitions = _summaryAt: every change to a slot's Active,
        // Acknowledged or ChangedMs is enqueued as a transition, so they are recomputed only after one (read every tick).
        private int _summaryAt = -1;
        private int _top;
        private int _topUnacknowledged;
        private int _activeCount;

        /// <summary>A table with the catalogue's kinds (<see cref="AlertCatalog.Create"/>).</summary>
        public AlertTable() : this(AlertCatalog.Create())
        {
        }

        /// <summary>One slot per rule, in the rules' order.</summary>
        public AlertTable(AlertRule[] rules)
        {
            _slots = new AlertSlot[rules.Length];
            for (int i = 0; i < rules.Length; i++)
            {
                _slots[i] = new AlertSlot(i, rules[i]);
            }
        }

        /// <summary>Number of alert kinds (slots).</summary>
        public int Count
        {
            get { return _slots.Length; }
        }

        /// <summary>Total transitions (raise, worse, clear, ack) since start.</summary>
        public int Transitions { get; private set; }

        public int QueueOverflows { get; private set; }

        /// <summary>The slots themselves, for the policy's per-tick loop (read only).</summary>
        internal AlertSlot[] Slots
        {
            get { return _slots; }
        }

        public AlertSlot Slot(int kind)
        {
            return _slots[kind];
        }

        /// <summary>The slot of an alert code ("RG-PONR"); throws ArgumentException for a code no rule has.</summary>
        public AlertSlot Slot(string code)
        {
            int k = IndexOf(code);
            if (k < 0)
            {
                throw new System.ArgumentException("no alert rule has code " + code);
            }

            return _slots[k];
        }

        /// <summary>Index of a code, or -1.</summary>
        public int IndexOf(string code)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i].Code == code)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True if the alert with this code is active (false for an unknown code).</summary>
        public bool IsActive(string code)
        {
            int k = IndexOf(code);
            return k >= 0 && _slots[k].Active;
        }

        /// <summary>True if any active alert has at least this severity.</summary>
        public bool AnyActive(int minSeverity)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i].Active && _slots[i].Severity >= minSeverity)
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsActive(int kind)
        {
            return _slots[kind].Active;
        }

        public int ActiveCount
        {
            get
            {
                Summarize();
                return _activeCount;
            }
        }

        /// <summary>The active alert with the highest severity (latest raised wins ties), or -1.</summary>
        public int TopKind
        {
            get
            {
                Summarize();
                return _top;
            }
        }

        /// <summary>The highest-severity active alert that is not acknowledged, or -1 (drives the buzzer).</summary>
        public int TopUnacknowledgedKind
        {
            get
            {
                Summarize();
                return _topUnacknowledged;
            }
        }

        public int TopSeverity
        {
            get
            {
                int k = TopKind;
                return k < 0 ? AlertSeverity.None : _slots[k].Severity;
            }
        }

        /// <summary>Acknowledges every active alert (silences the buzzer, keeps them displayed). Returns how many were newly acknowledged.</summary>
        public int AcknowledgeAll()
        {
            int n = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                AlertSlot s = _slots[i];
                if (s.Active && !s.Acknowledged)
                {
                    s.Acknowledged = true;
                    Enqueue(i, AlertEvent.Acknowledged);
                    n++;
                }
            }

            return n;
        }

        /// <summary>Takes the oldest queued transition; false when none.</summary>
        public bool TryDequeue(out int kind, out int alertEvent)
        {
            if (_queueCount == 0)
            {
                kind = -1;
                alertEvent = 0;
                return false;
            }

            kind = _queueKind[0];
            alertEvent = _queueEvent[0];
            _queueCount--;
            for (int i = 0; i < _queueCount; i++)
            {
                _queueKind[i] = _queueKind[i + 1];
                _queueEvent[i] = _queueEvent[i + 1];
            }

            return true;
        }

        internal void Enqueue(int kind, int alertEvent)
        {
            Transitions++;
            if (_queueCount >= QueueCapacity)
            {
                QueueOverflows++;
                return;
            }

            _queueKind[_queueCount] = kind;
            _queueEvent[_queueCount] = alertEvent;
            _queueCount++;
        }

        private void Summarize()
        {
            if (_summaryAt == Transitions)
            {
                return;
            }

            int n = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i].Active)
                {
                    n++;
                }
            }

            _activeCount = n;
            _top = Top(false);
            _topUnacknowledged = Top(true);
            _summaryAt = Transitions;
        }

        private int Top(bool unacknowledgedOnly)
        {
            int best = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                AlertSlot s = _slots[i];
                if (!s.Active || (unacknowledgedOnly && s.Acknowledged))
                {
                    continue;
                }

                if (best < 0 || s.Severity > _slots[best].Severity
                    || (s.Severity == _slots[best].Severity && s.ChangedMs > _slots[best].ChangedMs))
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
