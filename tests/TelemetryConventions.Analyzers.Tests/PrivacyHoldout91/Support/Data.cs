namespace ReportKit.Data
{
    /// <summary>The query behind a report: its text, a tag and the command timeout. Prints its members (the parameters as their type's name).</summary>
    public sealed record ReportQuery(string Tag, string CommandText, TimeSpan Timeout)
    {
        public Dictionary<string, object?> Parameters { get; init; } = new();
    }

    /// <summary>The rows a report query returned.</summary>
    public sealed class ReportTable
    {
        public required IReadOnlyList<string> Columns { get; init; }

        public required IReadOnlyList<object?[]> Rows { get; init; }

        public int RowCount => Rows.Count;

        public object? this[int row, string column] => Rows[row][Columns.ToList().IndexOf(column)];

        /// <summary>Reads back a table cached as a rendered CSV file (header row first).</summary>
        public static ReportTable FromCsv(RenderResult csv)
        {
            var lines = Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return new ReportTable
            {
                Columns = lines[0].Split(','),
                Rows = lines.Skip(1).Select(l => l.Split(',').Cast<object?>().ToArray()).ToList(),
            };
        }
    }

    public interface IReportDataSource
    {
        Task<ReportTable> QueryAsync(ReportQuery query, CancellationToken cancellationToken = default);
    }

    /// <summary>Thrown when a report query runs over its command timeout; quotes the query's tag and the timeout.</summary>
    public sealed class QueryTimeoutException(string tag, TimeSpan timeout)
        : TimeoutException($"Report query '{tag}' did not complete within {timeout.TotalSeconds:0}s")
    {
        public string Tag { get; } = tag;
    }

    /// <summary>
    /// The database's error, as <c>SqlException</c> carries it: a number and the server's message. Conversion errors
    /// quote the value that failed (<c>Conversion failed when converting the nvarchar value 'RX0042' to data type int.</c>).
/// The report server passes it through when a report's data set fails.
    /// </summary>
    public sealed class DataSourceException(int number, string message) : Exception(message)
    {
        public int Number { get; } = number;

        public static DataSourceException ConversionFailed(string value, string type) =>
            new(245, $"Conversion failed when converting the nvarchar value '{value}' to data type {type}.");

        public static DataSourceException Deadlock() =>
            new(1205, "Transaction was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.");
    }

    /// <summary>When a data set was last refreshed, as a semantic model's refresh history reports it. Prints its members.</summary>
    public sealed record DatasetRefresh(string Dataset, DateTimeOffset LastRefreshedUtc, string Status, TimeSpan Duration);

    public interface IDatasetCatalog
    {
        Task<DatasetRefresh> GetLastRefreshAsync(string dataset, CancellationToken cancellationToken = default);
    }

    /// <summary>Thrown when a report's data set is older than the report allows; quotes the data set and its age.</summary>
    public sealed class StaleDataException(string dataset, TimeSpan age, TimeSpan allowed)
        : Exception($"Data set '{dataset}' is {age.TotalHours:0.0}h old (allowed {allowed.TotalHours:0.0}h)")
    {
        public string Dataset { get; } = dataset;

        public TimeSpan Age { get; } = age;
    }
}

namespace ReportKit.Caching
{
    /// <summary>Keys of cached report results: the report and its parameters, sorted by name.</summary>
    public static class ReportCacheKey
    {
        public static string For(string reportId, IReadOnlyDictionary<string, string> parameters) =>
            reportId + "?" + string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

        public static string For(string reportId, params string[] parts) => reportId + ":" + string.Join(":", parts);
    }

    public interface IReportCache
    {
        bool TryGet(string key, out RenderResult? result);

        void Set(string key, RenderResult result, TimeSpan lifetime);
    }
}

namespace ReportKit
{
    /// <summary>Someone opened a report: the usage log a reporting portal keeps. Prints its members.</summary>
    public sealed record ReportViewEvent(string ReportId, string ViewerId, string ViewerEmail, DateTimeOffset At, TimeSpan Duration, string? Page = null);

    /// <summary>The usage warehouse (not telemetry).</summary>
    public interface IUsageStore
    {
        Task AppendAsync(ReportViewEvent view, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<ReportViewEvent>> ViewsAsync(string reportId, DateOnly day, CancellationToken cancellationToken = default);
    }
}
