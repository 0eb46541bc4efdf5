using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for CsvHelper. As in the real library, the messages of its exceptions end with the
// reader's and parser's state, which quotes the raw record being read.

namespace CsvHelper.Configuration
{
    public readonly record struct BadDataFoundArgs(string Field, string RawRecord, CsvContext Context);

    public readonly record struct MissingFieldFoundArgs(string[] HeaderNames, int Index, CsvContext Context);

    public delegate void BadDataFound(BadDataFoundArgs args);

    public delegate void MissingFieldFound(MissingFieldFoundArgs args);

    public sealed class CsvConfiguration(CultureInfo cultureInfo)
    {
        public CultureInfo CultureInfo { get; } = cultureInfo;

        public bool HasHeaderRecord { get; set; } = true;

        public string Delimiter { get; set; } = ",";

        public BadDataFound? BadDataFound { get; set; }

        public MissingFieldFound? MissingFieldFound { get; set; }

        public Action<string[]>? HeaderValidated { get; set; }
    }
}

namespace CsvHelper
{
    using CsvHelper.Configuration;

    public interface IParser
    {
        /// <summary>The 1-based row of the file, header included.</summary>
        int Row { get; }

        /// <summary>The text of the current record as it is in the file.</summary>
        string RawRecord { get; }

        string[]? Record { get; }

        long CharCount { get; }
    }

    public sealed class CsvContext
    {
        public required IParser Parser { get; init; }

        public string[]? HeaderRecord { get; init; }
    }

    public class CsvHelperException : Exception
    {
        public CsvHelperException(CsvContext context, string message)
            : base(AddDetails(message, context))
        {
            Context = context;
        }

        public CsvContext Context { get; }

        private static string AddDetails(string message, CsvContext context)
        {
            var details = new StringBuilder(message);
            details.AppendLine();
            details.AppendLine("IParser state:");
            details.AppendLine(CultureInfo.InvariantCulture, $"   Row: {context.Parser.Row}");
            details.AppendLine(CultureInfo.InvariantCulture, $"   CharCount: {context.Parser.CharCount}");
            details.AppendLine("   RawRecord:");
            details.AppendLine(context.Parser.RawRecord);
            return details.ToString();
        }
    }

    public sealed class ReaderException(CsvContext context, string message) : CsvHelperException(context, message);

    public sealed class BadDataException(string field, string rawRecord, CsvContext context, string message) : CsvHelperException(context, message)
    {
        public string Field { get; } = field;

        public string RawRecord { get; } = rawRecord;
    }

    public sealed class HeaderValidationException(CsvContext context, IReadOnlyList<string> invalidHeaders, string message) : CsvHelperException(context, message)
    {
        public IReadOnlyList<string> InvalidHeaders { get; } = invalidHeaders;
    }

    public sealed class CsvReader : IDisposable
    {
        public CsvReader(TextReader reader, CultureInfo culture)
            : this(reader, new CsvConfiguration(culture))
        {
        }

        public CsvReader(TextReader reader, CsvConfiguration configuration)
        {
            Configuration = configuration;
            Context = new CsvContext { Parser = null! };
        }

        public CsvConfiguration Configuration { get; }

        public CsvContext Context { get; }

        public IParser Parser => Context.Parser;

        public string[]? HeaderRecord => Context.HeaderRecord;

        public Task<bool> ReadAsync() => Task.FromResult(false);

        public bool Read() => false;

        public bool ReadHeader() => true;

        public void ValidateHeader<T>()
        {
        }

        public T GetRecord<T>() => throw new NotSupportedException();

        public string? GetField(int index) => null;

        public string? GetField(string name) => null;

        public async IAsyncEnumerable<T> GetRecordsAsync<T>([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }

        public void Dispose()
        {
        }
    }

    public sealed class CsvWriter(TextWriter writer, CultureInfo culture) : IDisposable, IAsyncDisposable
    {
        public int Row { get; private set; } = 1;

        public CultureInfo Culture { get; } = culture;

        public void WriteHeader<T>()
        {
        }

        public void WriteField(string? field)
        {
        }

        public void WriteRecord<T>(T record)
        {
        }

        public Task NextRecordAsync()
        {
            Row++;
            return Task.CompletedTask;
        }

        public Task WriteRecordsAsync<T>(IEnumerable<T> records, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task FlushAsync() => writer.FlushAsync();

        public void Dispose() => writer.Dispose();

        public ValueTask DisposeAsync() => writer.DisposeAsync();
    }
}

namespace CsvHelper.TypeConversion
{
    using CsvHelper;

    /// <summary>As in CsvHelper: "The conversion cannot be performed. Text: '…' MemberName: …", then the parser's state.</summary>
    public sealed class TypeConverterException(CsvContext context, string text, string memberName)
        : CsvHelperException(context, $"The conversion cannot be performed.{Environment.NewLine}    Text: '{text}'{Environment.NewLine}    MemberName: {memberName}")
    {
        public string Text { get; } = text;

        public string MemberName { get; } = memberName;
    }
}
