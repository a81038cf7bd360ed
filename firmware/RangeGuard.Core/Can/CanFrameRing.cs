namespace RangeGuard.Can
{
    /// <summary>
    /// Fixed-capacity FIFO of frames for a consumer that drains at its own pace (the agent tick).
    /// When full, the newest frame is dropped and counted: old frames already queued keep their order.
    /// </summary>
    public sealed class CanFrameRing : ICanFrameSink
    {
        private readonly CanFrame[] _items;
        private int _head;
        private int _count;

        public CanFrameRing(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacity");
            }

            _items = new CanFrame[capacity];
        }

        public int Capacity
        {
            get { return _items.Length; }
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Frames refused because the ring was full.</summary>
        public int Dropped { get; private set; }

        public void OnCanFrame(ref CanFrame frame)
        {
            if (_count == _items.Length)
            {
                Dropped++;
                return;
            }

            int tail = _head + _count;
            if (tail >= _items.Length)
            {
                tail -= _items.Length;
            }

            _items[tail] = frame;
            _count++;
        }

        /// <summary>Takes the oldest frame; false when empty.</summary>
        public bool TryTake(out CanFrame frame)
        {
            if (_count == 0)
            {
                frame = new CanFrame();
                return false;
            }

            frame = _items[_head];
            _head++;
            if (_head == _items.Length)
            {
                _head = 0;
            }

            _count--;
            return true;
        }

        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
