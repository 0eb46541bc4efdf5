using System;
using System.Collections;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

// Stand-ins for Entity Framework Core, in its own namespaces. Only the shapes matter.

namespace Microsoft.EntityFrameworkCore
{
    public enum EntityState
    {
        Detached,
        Unchanged,
        Deleted,
        Modified,
        Added,
    }

    public class DbContextOptions
    {
        public string? ConnectionString { get; init; }
    }

    public class DbContextOptions<TContext> : DbContextOptions
        where TContext : DbContext
    {
    }

    public abstract class DbContext : IDisposable
    {
        protected DbContext(DbContextOptions options) => Options = options;

        public DbContextOptions Options { get; }

        public virtual ChangeTracker ChangeTracker { get; } = new();

        public virtual DatabaseFacade Database { get; } = new();

        public virtual DbSet<TEntity> Set<TEntity>()
            where TEntity : class => new();

        public virtual EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
            where TEntity : class => new(entity);

        public virtual EntityEntry<TEntity> Add<TEntity>(TEntity entity)
            where TEntity : class => new(entity);

        public virtual EntityEntry<TEntity> Update<TEntity>(TEntity entity)
            where TEntity : class => new(entity);

        public virtual EntityEntry<TEntity> Remove<TEntity>(TEntity entity)
            where TEntity : class => new(entity);

        public virtual int SaveChanges() => 0;

        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        protected virtual void OnModelCreating(ModelBuilder modelBuilder)
        {
        }

        protected virtual void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
        }

        public void Dispose()
        {
        }
    }

    public class DbContextOptionsBuilder
    {
        public DbContextOptionsBuilder AddInterceptors(params Diagnostics.IInterceptor[] interceptors) => this;

        public DbContextOptionsBuilder EnableSensitiveDataLogging(bool enabled = true) => this;
    }

    public class DbSet<TEntity> : IQueryable<TEntity>
        where TEntity : class
    {
        private readonly IQueryable<TEntity> _rows = new List<TEntity>().AsQueryable();

        public Type ElementType => _rows.ElementType;

        public Expression Expression => _rows.Expression;

        public IQueryProvider Provider => _rows.Provider;

        public IEnumerator<TEntity> GetEnumerator() => _rows.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public virtual EntityEntry<TEntity> Add(TEntity entity) => new(entity);

        public virtual void AddRange(IEnumerable<TEntity> entities)
        {
        }

        public virtual EntityEntry<TEntity> Remove(TEntity entity) => new(entity);

        public virtual ValueTask<TEntity?> FindAsync(params object?[]? keyValues) => ValueTask.FromResult<TEntity?>(null);
    }

    public static class EntityFrameworkQueryableExtensions
    {
        public static Task<TSource?> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.FirstOrDefault());

        public static Task<TSource?> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.FirstOrDefault(predicate));

        public static Task<TSource?> SingleOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.SingleOrDefault(predicate));

        public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.ToList());

        public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.Any(predicate));

        public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.Count());

        public static IQueryable<TEntity> AsNoTracking<TEntity>(this IQueryable<TEntity> source)
            where TEntity : class => source;

        public static IQueryable<TEntity> IgnoreQueryFilters<TEntity>(this IQueryable<TEntity> source)
            where TEntity : class => source;

        public static IQueryable<T> TagWith<T>(this IQueryable<T> source, string tag) => source;

        public static Task<int> ExecuteUpdateAsync<TSource>(this IQueryable<TSource> source, Action<UpdateSettersBuilder<TSource>> setPropertyCalls, CancellationToken cancellationToken = default) =>
            Task.FromResult(0);

        public static Task<int> ExecuteDeleteAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(0);
    }

    public sealed class UpdateSettersBuilder<TSource>
    {
        public UpdateSettersBuilder<TSource> SetProperty<TProperty>(Func<TSource, TProperty> propertyExpression, TProperty valueExpression) => this;
    }

    public static class RelationalQueryableExtensions
    {
        public static IQueryable<TEntity> FromSqlRaw<TEntity>(this DbSet<TEntity> source, string sql, params object[] parameters)
            where TEntity : class => source;

        public static IQueryable<TEntity> FromSqlInterpolated<TEntity>(this DbSet<TEntity> source, FormattableString sql)
            where TEntity : class => source;

        public static IQueryable<TEntity> FromSql<TEntity>(this DbSet<TEntity> source, FormattableString sql)
            where TEntity : class => source;
    }

    public static class RelationalDatabaseFacadeExtensions
    {
        public static Task<int> ExecuteSqlRawAsync(this DatabaseFacade database, string sql, params object[] parameters) => Task.FromResult(0);

        public static Task<int> ExecuteSqlInterpolatedAsync(this DatabaseFacade database, FormattableString sql, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public static Task<int> ExecuteSqlAsync(this DatabaseFacade database, FormattableString sql, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public static Task<IEnumerable<string>> GetPendingMigrationsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default) =>
            Task.FromResult<IEnumerable<string>>(Array.Empty<string>());

        public static Task<IEnumerable<string>> GetAppliedMigrationsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default) =>
            Task.FromResult<IEnumerable<string>>(Array.Empty<string>());

        public static Task MigrateAsync(this DatabaseFacade database, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public static DbConnection GetDbConnection(this DatabaseFacade database) => throw new NotSupportedException();

        public static Task<IDbContextTransaction> BeginTransactionAsync(this DatabaseFacade database, IsolationLevel isolationLevel, CancellationToken cancellationToken = default) =>
            Task.FromResult<IDbContextTransaction>(new DbContextTransaction());
    }

    public class DbUpdateException : Exception
    {
        public DbUpdateException(string message, Exception? innerException, IReadOnlyList<EntityEntry> entries)
            : base(message, innerException) => Entries = entries;

        public IReadOnlyList<EntityEntry> Entries { get; }
    }

    public class DbUpdateConcurrencyException : DbUpdateException
    {
        public DbUpdateConcurrencyException(string message, IReadOnlyList<EntityEntry> entries)
            : base(message, null, entries)
        {
        }
    }

    public class ModelBuilder
    {
        public EntityTypeBuilder<TEntity> Entity<TEntity>()
            where TEntity : class => new();
    }

    public class EntityTypeBuilder<TEntity>
        where TEntity : class
    {
        public EntityTypeBuilder<TEntity> HasQueryFilter(Expression<Func<TEntity, bool>> filter) => this;

        public IndexBuilder HasIndex(Expression<Func<TEntity, object?>> indexExpression) => new();

        public EntityTypeBuilder<TEntity> HasData(params TEntity[] data) => this;

        public EntityTypeBuilder<TEntity> ToTable(string name) => this;

        public PropertyBuilder Property(Expression<Func<TEntity, object?>> propertyExpression) => new();
    }

    public class IndexBuilder
    {
        public IndexBuilder IsUnique(bool unique = true) => this;

        public IndexBuilder HasDatabaseName(string name) => this;

        public IndexBuilder HasFilter(string sql) => this;
    }

    public class PropertyBuilder
    {
        public PropertyBuilder IsConcurrencyToken(bool concurrencyToken = true) => this;

        public PropertyBuilder IsRowVersion() => this;

        public PropertyBuilder HasMaxLength(int maxLength) => this;
    }
}

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    public class DatabaseFacade
    {
        public string? ProviderName { get; init; } = "Microsoft.EntityFrameworkCore.SqlServer";

        public IDbContextTransaction? CurrentTransaction { get; init; }
    }
}

namespace Microsoft.EntityFrameworkCore.Storage
{
    public interface IDbContextTransaction : IDisposable, IAsyncDisposable
    {
        Guid TransactionId { get; }

        Task CommitAsync(CancellationToken cancellationToken = default);

        Task RollbackAsync(CancellationToken cancellationToken = default);
    }

    internal sealed class DbContextTransaction : IDbContextTransaction
    {
        public Guid TransactionId { get; } = Guid.NewGuid();

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

namespace Microsoft.EntityFrameworkCore.Metadata
{
    public interface IProperty
    {
        string Name { get; }

        Type ClrType { get; }

        bool IsPrimaryKey();

        string? GetColumnName();
    }

    public interface IKey
    {
        IReadOnlyList<IProperty> Properties { get; }
    }

    public interface IEntityType
    {
        string Name { get; }

        Type ClrType { get; }

        string? GetTableName();

        IKey? FindPrimaryKey();

        IEnumerable<IProperty> GetProperties();
    }
}

namespace Microsoft.EntityFrameworkCore.ChangeTracking
{
    public class ChangeTracker
    {
        public bool AutoDetectChangesEnabled { get; set; } = true;

        public virtual IEnumerable<EntityEntry> Entries() => Array.Empty<EntityEntry>();

        public virtual IEnumerable<EntityEntry<TEntity>> Entries<TEntity>()
            where TEntity : class => Array.Empty<EntityEntry<TEntity>>();

        public virtual bool HasChanges() => false;

        public virtual void DetectChanges()
        {
        }

        public virtual void Clear()
        {
        }
    }

    public class EntityEntry
    {
        public EntityEntry(object entity) => Entity = entity;

        public virtual object Entity { get; }

        public virtual EntityState State { get; set; }

        public virtual IEntityType Metadata { get; } = null!;

        public virtual IEnumerable<PropertyEntry> Properties => Array.Empty<PropertyEntry>();

        public virtual PropertyValues CurrentValues { get; } = new();

        public virtual PropertyValues OriginalValues { get; } = new();

        public virtual PropertyEntry Property(string propertyName) => new();

        public virtual Task<PropertyValues?> GetDatabaseValuesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<PropertyValues?>(new PropertyValues());

        public virtual Task ReloadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class EntityEntry<TEntity> : EntityEntry
        where TEntity : class
    {
        public EntityEntry(TEntity entity)
            : base(entity) => Entity = entity;

        public new virtual TEntity Entity { get; }

        public virtual PropertyEntry<TEntity, TProperty> Property<TProperty>(Expression<Func<TEntity, TProperty>> propertyExpression) => new();
    }

    public class PropertyEntry
    {
        public virtual IProperty Metadata { get; } = null!;

        public virtual bool IsModified { get; set; }

        public virtual bool IsTemporary { get; set; }

        public virtual object? CurrentValue { get; set; }

        public virtual object? OriginalValue { get; set; }
    }

    public class PropertyEntry<TEntity, TProperty> : PropertyEntry
        where TEntity : class
    {
        public new virtual TProperty CurrentValue { get; set; } = default!;

        public new virtual TProperty OriginalValue { get; set; } = default!;
    }

    public class PropertyValues
    {
        private readonly Dictionary<string, object?> _values = new();

        public virtual IReadOnlyList<IProperty> Properties { get; } = Array.Empty<IProperty>();

        public virtual object? this[string propertyName]
        {
            get => _values.TryGetValue(propertyName, out var value) ? value : null;
            set => _values[propertyName] = value;
        }

        public virtual object? this[IProperty property]
        {
            get => this[property.Name];
            set => this[property.Name] = value;
        }

        public virtual TValue GetValue<TValue>(string propertyName) => (TValue)this[propertyName]!;

        public virtual void SetValues(PropertyValues propertyValues)
        {
        }

        public virtual object ToObject() => new();
    }
}

namespace Microsoft.EntityFrameworkCore.Diagnostics
{
    public interface IInterceptor;

    public readonly struct InterceptionResult<TResult>
    {
        public bool HasResult { get; init; }

        public TResult Result { get; init; }

        public static InterceptionResult<TResult> SuppressWithResult(TResult result) => new() { HasResult = true, Result = result };
    }

    public class DbContextEventData
    {
        public DbContext? Context { get; init; }
    }

    public class SaveChangesCompletedEventData : DbContextEventData
    {
        public int EntitiesSavedCount { get; init; }
    }

    public class DbContextErrorEventData : DbContextEventData
    {
        public Exception Exception { get; init; } = null!;
    }

    public enum DbCommandMethod
    {
        ExecuteNonQuery,
        ExecuteScalar,
        ExecuteReader,
    }

    public class CommandEventData
    {
        public DbContext? Context { get; init; }

        public DbCommandMethod ExecuteMethod { get; init; }

        public Guid CommandId { get; init; }

        public Guid ConnectionId { get; init; }

        public bool IsAsync { get; init; }

        public bool LogParameterValues { get; init; }
    }

    public class CommandExecutedEventData : CommandEventData
    {
        public TimeSpan Duration { get; init; }
    }

    public class CommandErrorEventData : CommandExecutedEventData
    {
        public Exception Exception { get; init; } = null!;
    }

    public abstract class SaveChangesInterceptor : IInterceptor
    {
        public virtual ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public abstract class DbCommandInterceptor : IInterceptor
    {
        public virtual ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(result);

        public virtual Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace Microsoft.EntityFrameworkCore.Migrations
{
    public abstract class Migration
    {
        protected abstract void Up(MigrationBuilder migrationBuilder);

        protected virtual void Down(MigrationBuilder migrationBuilder)
        {
        }
    }

    public class MigrationBuilder
    {
        public string ActiveProvider { get; init; } = "Npgsql.EntityFrameworkCore.PostgreSQL";

        public void Sql(string sql, bool suppressTransaction = false)
        {
        }

        public void AddColumn<T>(string name, string table, bool nullable = true)
        {
        }

        public void CreateIndex(string name, string table, string column, bool unique = false)
        {
        }
    }
}
