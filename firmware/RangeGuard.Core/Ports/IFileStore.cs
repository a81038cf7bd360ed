namespace RangeGuard.Ports
{
    /// <summary>
    /// A few small named files in durable storage (the ESP32's internal flash drive, a folder on the host). The outbox keeps
    /// its unsent alerts here as append-only records; an append that returns has reached the storage (flushed).
    /// Implementations throw System.IO.IOException (or any exception) on a storage error; callers count it and go on.
    /// </summary>
    public interface IFileStore
    {
        /// <summary>Size of the file in bytes, or -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="offset"/>; returns how many were read.</summary>
        int Read(string name, int offset, byte[] buffer, int index, int count);

        /// <summary>Appends bytes (creating the file if needed) and flushes them to the storage before returning.</summary>
        void Append(string name, byte[] data, int index, int count);

        /// <summary>Removes the file; nothing happens when it does not exist.</summary>
        void Delete(string name);
    }
}
