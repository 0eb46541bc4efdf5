// Stand-ins in the shape of Entity Framework Core: contexts, sets, the change tracker, interceptors,
// the exceptions it throws and the database facade used by migrations and data fixes.
namespace Microsoft.EntityFrameworkCore
{
    using System.Collections;
    using System.Linq.Expressions;

    public enum EntityState
    {
        Detached,
        Unchanged,
        Deleted,
        Modified,
        Added,
    }

    public abstract class DbContext : IDisposable
    {
        public ChangeTracker ChangeTracker { get; } = new();

        public Infrastructure.DatabaseFacade Database { get; } = new();

        public string ContextId { get; } = Guid.NewGuid().ToString("N");

        public DbSet<TEntity> Set<TEntity>() where TEntity : class => new();

        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class => new(entity);

        public void Dispose()
        {
        }
    }

    /// <summary>A set of entities; queries over it are translated to SQL.</summary>
    public class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
    {
        private readonly List<TEntity> _local = new();

        public Type ElementType => typeof(TEntity);

        public Expression Expression => _local.AsQueryable().Expression;

        public IQueryProvider Provider => _local.AsQueryable().Provider;

        public IEnumerator<TEntity> GetEnumerator() => _local.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Add(TEntity entity) => _local.Add(entity);

        public void Remove(TEntity entity) => _local.Remove(entity);

        public ValueTask<TEntity?> FindAsync(params object?[] keyValues) => ValueTask.FromResult<TEntity?>(null);
    }

    /// <summary>The query operators the services use, as <c>EntityFrameworkQueryableExtensions</c> has them.</summary>
    public static class EntityFrameworkQueryableExtensions
    {
        /// <summary>Adds a comment to the SQL (<c>-- tag</c>), which the command interceptor sees in the command text.</summary>
        public static IQueryable<T> TagWith<T>(this IQueryable<T> source, string tag) => source;

        public static IQueryable<T> AsNoTracking<T>(this IQueryable<T> source) => source;

        /// <summary>
        /// The SQL of the query with its parameters declared in front and their values filled in, as EF Core prints it:
        /// <c>DECLARE @__email_0 nvarchar(4000) = N'…';</c> followed by the statement.
        /// </summary>
        public static string ToQueryString<T>(this IQueryable<T> source) => string.Empty;

        public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => Task.FromResult(source.ToList());

        public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => Task.FromResult(source.FirstOrDefault());

        public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) => Task.FromResult(source.SingleOrDefault(predicate));

        public static Task<int> CountAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => Task.FromResult(source.Count());

        public static Task<bool> AnyAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) => Task.FromResult(source.Any(predicate));

        /// <summary>Runs an UPDATE for every row the query selects, without loading them; returns the rows changed.</summary>
        public static Task<int> ExecuteUpdateAsync<T>(this IQueryable<T> source, Action<UpdateSettersBuilder<T>> setters, CancellationToken cancellationToken = default) => Task.FromResult(0);

        /// <summary>Runs a DELETE for every row the query selects; returns the rows deleted.</summary>
        public static Task<int> ExecuteDeleteAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }

    public sealed class UpdateSettersBuilder<T>
    {
        public UpdateSettersBuilder<T> SetProperty<TProperty>(Func<T, TProperty> property, TProperty value) => this;

        public UpdateSettersBuilder<T> SetProperty<TProperty>(Func<T, TProperty> property, Func<T, TProperty> value) => this;
    }

    /// <summary>Thrown when SaveChanges fails in the database; its message is EF's fixed text, the provider's error is the inner exception.</summary>
    public class DbUpdateException : Exception
    {
        public DbUpdateException(string message, Exception? innerException = null, IReadOnlyList<EntityEntry>? entries = null)
            : base(message, innerException) => Entries = entries ?? Array.Empty<EntityEntry>();

        public IReadOnlyList<EntityEntry> Entries { get; }
    }

    /// <summary>
    /// Thrown when a row version or concurrency token no longer matches: "The database operation was expected to affect 1
    /// row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded."
    /// </summary>
    public sealed class DbUpdateConcurrencyException(string message, IReadOnlyList<EntityEntry> entries) : DbUpdateException(message, null, entries);
}

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    /// <summary>The context's database: migrations and raw SQL.</summary>
    public sealed class DatabaseFacade
    {
        public string? ProviderName { get; } = "Microsoft.EntityFrameworkCore.SqlServer";

        public Task<IEnumerable<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IEnumerable<string>>(Array.Empty<string>());

        public Task<IEnumerable<string>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IEnumerable<string>>(Array.Empty<string>());

        public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<int> ExecuteSqlRawAsync(string sql, params object[] parameters) => Task.FromResult(0);

        /// <summary>Runs SQL written as an interpolated string; the holes become parameters.</summary>
        public Task<int> ExecuteSqlInterpolatedAsync(FormattableString sql, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => Task.FromResult<IDbContextTransaction>(new Transaction());

        public void SetCommandTimeout(TimeSpan timeout)
        {
        }

        private sealed class Transaction : IDbContextTransaction
        {
            public Guid TransactionId { get; } = Guid.NewGuid();

            public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    public interface IDbContextTransaction : IAsyncDisposable
    {
        Guid TransactionId { get; }

        Task CommitAsync(CancellationToken cancellationToken = default);

        Task RollbackAsync(CancellationToken cancellationToken = default);
    }
}

namespace Microsoft.EntityFrameworkCore.ChangeTracking
{
    public sealed class ChangeTracker
    {
        private readonly List<EntityEntry> _entries = new();

        public IEnumerable<EntityEntry> Entries() => _entries;

        public IEnumerable<EntityEntry<TEntity>> Entries<TEntity>() where TEntity : class =>
            _entries.Where(e => e.Entity is TEntity).Select(e => new EntityEntry<TEntity>((TEntity)e.Entity));

        public bool HasChanges() => _entries.Any(e => e.State is not EntityState.Unchanged);

        public void Clear() => _entries.Clear();
    }

    public sealed class EntityTypeInfo(Type clrType)
    {
        public Type ClrType { get; } = clrType;

        public string Name => ClrType.FullName ?? ClrType.Name;

        public string? GetTableName() => ClrType.Name + "s";
    }

    public sealed class PropertyInfo(string name, bool isConcurrencyToken = false, bool isPrimaryKey = false)
    {
        public string Name { get; } = name;

        public bool IsConcurrencyToken { get; } = isConcurrencyToken;

        public bool IsPrimaryKey() => isPrimaryKey;
    }

    /// <summary>A tracked entity: its state, its properties and their original and current values.</summary>
    public class EntityEntry(object entity)
    {
        public object Entity { get; } = entity;

        public EntityState State { get; set; }

        public EntityTypeInfo Metadata => new(Entity.GetType());

        public IEnumerable<PropertyEntry> Properties => Array.Empty<PropertyEntry>();

        public PropertyValues CurrentValues { get; } = new();

        public PropertyValues OriginalValues { get; } = new();

        public PropertyEntry Property(string propertyName) => new(new PropertyInfo(propertyName));

        public Task<PropertyValues?> GetDatabaseValuesAsync(CancellationToken cancellationToken = default) => Task.FromResult<PropertyValues?>(new PropertyValues());

        public Task ReloadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public sealed class EntityEntry<TEntity>(TEntity entity) : EntityEntry(entity) where TEntity : class
    {
        public new TEntity Entity => (TEntity)base.Entity;
    }

    public sealed class PropertyEntry(PropertyInfo metadata)
    {
        public PropertyInfo Metadata { get; } = metadata;

        public object? CurrentValue { get; set; }

        public object? OriginalValue { get; set; }

        public bool IsModified { get; set; }
    }

    /// <summary>The values of an entity's properties, by name; <c>SetValues</c> copies them onto another set.</summary>
    public sealed class PropertyValues
    {
        private readonly Dictionary<string, object?> _values = new();

        public object? this[string propertyName]
        {
            get => _values.GetValueOrDefault(propertyName);
            set => _values[propertyName] = value;
        }

        public IReadOnlyList<PropertyInfo> Properties => _values.Keys.Select(k => new PropertyInfo(k)).ToList();

        public TValue GetValue<TValue>(string propertyName) => (TValue)_values[propertyName]!;

        public void SetValues(PropertyValues values)
        {
            foreach (var pair in values._values)
            {
                _values[pair.Key] = pair.Value;
            }
        }

        public object ToObject() => new();
    }
}

namespace Microsoft.EntityFrameworkCore.Diagnostics
{
    public enum CommandSource
    {
        Unknown,
        LinqQuery,
        SaveChanges,
        Migrations,
        FromSqlQuery,
        ExecuteSqlRaw,
        ExecuteUpdate,
        ExecuteDelete,
    }

    public class DbContextEventData(DbContext? context)
    {
        public DbContext? Context { get; } = context;
    }

    public class CommandEventData(DbContext? context, DbCommand command, CommandSource source) : DbContextEventData(context)
    {
        public DbCommand Command { get; } = command;

        public CommandSource CommandSource { get; } = source;

        public Guid CommandId { get; } = Guid.NewGuid();

        public DateTimeOffset StartTime { get; } = DateTimeOffset.UtcNow;
    }

    public sealed class CommandExecutedEventData(DbContext? context, DbCommand command, CommandSource source, TimeSpan duration)
        : CommandEventData(context, command, source)
    {
        public TimeSpan Duration { get; } = duration;
    }

    public sealed class CommandErrorEventData(DbContext? context, DbCommand command, CommandSource source, Exception exception, TimeSpan duration)
        : CommandEventData(context, command, source)
    {
        public Exception Exception { get; } = exception;

        public TimeSpan Duration { get; } = duration;
    }

    public sealed class DbContextErrorEventData(DbContext? context, Exception exception) : DbContextEventData(context)
    {
        public Exception Exception { get; } = exception;
    }

    public sealed class SaveChangesCompletedEventData(DbContext? context, int entitiesSavedCount) : DbContextEventData(context)
    {
        public int EntitiesSavedCount { get; } = entitiesSavedCount;
    }

    public readonly struct InterceptionResult<TResult>
    {
        public bool HasResult { get; init; }

        public TResult Result { get; init; }

        public static InterceptionResult<TResult> SuppressWithResult(TResult result) => new() { HasResult = true, Result = result };
    }

    /// <summary>Sees every command a context sends, before and after it runs.</summary>
    public abstract class DbCommandInterceptor
    {
        public virtual ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }

    /// <summary>Sees SaveChanges before and after it runs, and when it fails.</summary>
    public abstract class SaveChangesInterceptor
    {
        public virtual ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}

namespace Microsoft.EntityFrameworkCore.Migrations
{
    public sealed class MigrationBuilder
    {
        public List<string> Statements { get; } = new();

        public void Sql(string sql, bool suppressTransaction = false) => Statements.Add(sql);
    }

    public abstract class Migration
    {
        protected abstract void Up(MigrationBuilder migrationBuilder);

        protected virtual void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
