using System;
using System.Collections.Generic;

namespace RangeGuard.Simulator.Validation
{
    /// <summary>One problem in an input file: which file, where in it (JSON path) and what is wrong.</summary>
    public sealed record InputError(string File, string Path, string Message)
    {
        public override string ToString() => $"{File}: {Path}: {Message}";
    }

    /// <summary>Thrown by loaders once all problems of a file have been collected; the CLI prints them, never a stack trace.</summary>
    public sealed class InputException : Exception
    {
        public InputException(IReadOnlyList<InputError> errors)
            : base(string.Join(Environment.NewLine, errors))
        {
            Errors = errors;
        }

        public InputException(string file, string path, string message)
            : this(new[] { new InputError(file, path, message) })
        {
        }

        public IReadOnlyList<InputError> Errors { get; }
    }
}
