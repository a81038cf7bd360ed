namespace System.Collections
{
    public class DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) => throw null;
    }

    public class Hashtable
    {
        public Hashtable() => throw null;
        public Hashtable(int capacity) => throw null;
        public Hashtable(int capacity, float loadFactor) => throw null;
        public virtual int Count => throw null;
        public virtual ICollection Keys => throw null;
        public virtual ICollection Values => throw null;
        public virtual object this[object key] { get => throw null; set => throw null; }
        public virtual void Add(object key, object value) => throw null;
        public virtual void Clear() => throw null;
        public virtual bool Contains(object key) => throw null;
        public virtual void Remove(object key) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
    }

    public class Queue
    {
        public virtual int Count => throw null;
        public virtual void Clear() => throw null;
        public virtual void Enqueue(object obj) => throw null;
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
    }

    public class Stack
    {
        public virtual int Count => throw null;
        public virtual void Clear() => throw null;
        public virtual void Push(object obj) => throw null;
        public virtual object Pop() => throw null;
        public virtual object Peek() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
    }
}
