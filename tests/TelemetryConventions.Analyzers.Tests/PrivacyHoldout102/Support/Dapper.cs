// Stand-ins in the shape of Dapper: extension methods on a connection, parameters from an anonymous object or a
// DynamicParameters bag, and CommandDefinition.
namespace Dapper
{
    /// <summary>A bag of named parameters. Like Dapper's, it does not override <c>ToString</c>.</summary>
    public sealed class DynamicParameters
    {
        private readonly Dictionary<string, object?> _values = new();

        public DynamicParameters(object? template = null)
        {
        }

        public IEnumerable<string> ParameterNames => _values.Keys;

        public void Add(string name, object? value = null, DbType? dbType = null, ParameterDirection? direction = null, int? size = null) =>
            _values[name] = value;

        public T Get<T>(string name) => (T)_values[name]!;
    }

    /// <summary>A command to run: its text, parameters, transaction, timeout and flags.</summary>
    public readonly struct CommandDefinition(string commandText, object? parameters = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null, CancellationToken cancellationToken = default)
    {
        public string CommandText { get; } = commandText;

        public object? Parameters { get; } = parameters;

        public IDbTransaction? Transaction { get; } = transaction;

        public int? CommandTimeout { get; } = commandTimeout;

        public CommandType? CommandType { get; } = commandType;

        public CancellationToken CancellationToken { get; } = cancellationToken;
    }

    public static class SqlMapper
    {
        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection connection, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null) =>
            Task.FromResult<IEnumerable<T>>(Array.Empty<T>());

        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection connection, CommandDefinition command) =>
            Task.FromResult<IEnumerable<T>>(Array.Empty<T>());

        public static Task<T?> QuerySingleOrDefaultAsync<T>(this IDbConnection connection, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null) =>
            Task.FromResult<T?>(default);

        public static Task<T?> ExecuteScalarAsync<T>(this IDbConnection connection, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null) =>
            Task.FromResult<T?>(default);

        public static Task<int> ExecuteAsync(this IDbConnection connection, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null) =>
            Task.FromResult(0);

        public static Task<int> ExecuteAsync(this IDbConnection connection, CommandDefinition command) => Task.FromResult(0);
    }
}
