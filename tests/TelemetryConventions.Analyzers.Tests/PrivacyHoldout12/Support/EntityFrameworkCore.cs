using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

// Stand-ins for the Entity Framework Core types the services use, with the real names and shapes,
// so that the corpus compiles without the package. Only the shapes matter.

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

    public abstract class DbContext : IDisposable
    {
        public virtual ChangeTracker ChangeTracker { get; } = new();

        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public virtual EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
            where TEntity : class => new(entity);

        public virtual DbSet<TEntity> Set<TEntity>()
            where TEntity : class => new();

        public void Dispose()
        {
        }
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

        public virtual EntityEntry<TEntity> Update(TEntity entity) => new(entity);

        public virtual EntityEntry<TEntity> Remove(TEntity entity) => new(entity);

        public virtual ValueTask<TEntity?> FindAsync(object?[]? keyValues, CancellationToken cancellationToken) => ValueTask.FromResult<TEntity?>(null);
    }

    public static class EntityFrameworkQueryableExtensions
    {
        public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.ToList());

        public static Task<TSource?> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.FirstOrDefault(predicate));

        public static Task<TSource?> SingleOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.SingleOrDefault(predicate));

        public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.Any(predicate));

        public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
            Task.FromResult(source.Count());

        public static IQueryable<TEntity> IgnoreQueryFilters<TEntity>(this IQueryable<TEntity> source)
            where TEntity : class => source;

        public static IQueryable<TEntity> AsNoTracking<TEntity>(this IQueryable<TEntity> source)
            where TEntity : class => source;

        public static IQueryable<T> TagWith<T>(this IQueryable<T> source, string tag) => source;
    }

    public class DbUpdateException : Exception
    {
        public DbUpdateException(string message, Exception? innerException, IReadOnlyList<EntityEntry>? entries = null)
            : base(message, innerException)
        {
            Entries = entries ?? Array.Empty<EntityEntry>();
        }

        public virtual IReadOnlyList<EntityEntry> Entries { get; }
    }

    public class DbUpdateConcurrencyException : DbUpdateException
    {
        public DbUpdateConcurrencyException(string message, IReadOnlyList<EntityEntry> entries)
            : base(message, null, entries)
        {
        }
    }
}

namespace Microsoft.EntityFrameworkCore.Metadata
{
    public interface IProperty
    {
        string Name { get; }

        Type ClrType { get; }

        bool IsPrimaryKey();
    }

    public interface IKey
    {
        IReadOnlyList<IProperty> Properties { get; }
    }

    public interface IEntityType
    {
        string Name { get; }

        Type ClrType { get; }

        string ShortName();

        string? GetTableName();

        IKey? FindPrimaryKey();

        IEnumerable<IProperty> GetProperties();
    }
}

namespace Microsoft.EntityFrameworkCore.ChangeTracking
{
    public class ChangeTracker
    {
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
        public EntityEntry(object entity)
        {
            Entity = entity;
        }

        public virtual object Entity { get; }

        public virtual EntityState State { get; set; }

        public virtual IEntityType Metadata { get; } = null!;

        public virtual PropertyValues CurrentValues { get; } = new();

        public virtual PropertyValues OriginalValues { get; } = new();

        public virtual IEnumerable<PropertyEntry> Properties { get; } = Array.Empty<PropertyEntry>();

        public virtual PropertyEntry Property(string propertyName) => new();

        public virtual Task<PropertyValues?> GetDatabaseValuesAsync(CancellationToken cancellationToken = default) => Task.FromResult<PropertyValues?>(null);

        public virtual Task ReloadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class EntityEntry<TEntity> : EntityEntry
        where TEntity : class
    {
        public EntityEntry(TEntity entity)
            : base(entity)
        {
            Entity = entity;
        }

        public new virtual TEntity Entity { get; }

        public virtual PropertyEntry<TEntity, TProperty> Property<TProperty>(Expression<Func<TEntity, TProperty>> propertyExpression) => new();
    }

    public class PropertyEntry
    {
        public virtual IProperty Metadata { get; } = null!;

        public virtual object? CurrentValue { get; set; }

        public virtual object? OriginalValue { get; set; }

        public virtual bool IsModified { get; set; }

        public virtual bool IsTemporary { get; set; }
    }

    public class PropertyEntry<TEntity, TProperty> : PropertyEntry
        where TEntity : class
    {
        public new virtual TProperty CurrentValue { get; set; } = default!;

        public new virtual TProperty OriginalValue { get; set; } = default!;
    }

    public class PropertyValues
    {
        public virtual object? this[string propertyName]
        {
            get => null;
            set { }
        }

        public virtual IReadOnlyList<IProperty> Properties { get; } = Array.Empty<IProperty>();

        public virtual TValue GetValue<TValue>(string propertyName) => default!;

        public virtual object ToObject() => new();

        public virtual void SetValues(PropertyValues propertyValues)
        {
        }
    }
}

namespace Microsoft.EntityFrameworkCore.Diagnostics
{
    public readonly struct InterceptionResult<TResult>
    {
        private InterceptionResult(TResult result)
        {
            Result = result;
            HasResult = true;
        }

        public TResult Result { get; }

        public bool HasResult { get; }

        public static InterceptionResult<TResult> SuppressWithResult(TResult result) => new(result);
    }

    public class EventData
    {
        public virtual string LogLevelName { get; init; } = "Debug";
    }

    public class DbContextEventData : EventData
    {
        public virtual DbContext? Context { get; init; }
    }

    public class SaveChangesCompletedEventData : DbContextEventData
    {
        public virtual int EntitiesSavedCount { get; init; }
    }

    public class DbContextErrorEventData : DbContextEventData
    {
        public virtual Exception Exception { get; init; } = null!;
    }

    public enum CommandSource
    {
        Unknown,
        LinqQuery,
        SaveChanges,
        Migrations,
        FromSqlQuery,
        ExecuteSqlRaw,
        ExecuteDelete,
        ExecuteUpdate,
    }

    public enum DbCommandMethod
    {
        ExecuteNonQuery,
        ExecuteScalar,
        ExecuteReader,
    }

    public class CommandEventData : EventData
    {
        public virtual DbContext? Context { get; init; }

        public virtual Guid CommandId { get; init; }

        public virtual Guid ConnectionId { get; init; }

        public virtual DbCommandMethod ExecuteMethod { get; init; }

        public virtual CommandSource CommandSource { get; init; }

        public virtual DateTimeOffset StartTime { get; init; }
    }

    public class CommandExecutedEventData : CommandEventData
    {
        public virtual TimeSpan Duration { get; init; }

        public virtual object? Result { get; init; }
    }

    public class CommandErrorEventData : CommandEventData
    {
        public virtual Exception Exception { get; init; } = null!;

        public virtual TimeSpan Duration { get; init; }
    }

    public interface IInterceptor
    {
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
