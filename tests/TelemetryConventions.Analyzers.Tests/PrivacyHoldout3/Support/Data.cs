using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyHoldout3.Support;

// Stand-ins for Entity Framework Core and the organisation's data taxonomy. Only the shapes matter.

public abstract class DbSet<T>
    where T : class
{
    public abstract ValueTask<T?> FindAsync(params object?[] keyValues);

    public abstract Task<T?> SingleOrDefaultAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);

    public abstract Task<List<T>> WhereToListAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);

    public abstract Task<int> CountAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);

    public abstract void Add(T entity);

    public abstract void Remove(T entity);
}

public abstract class DbContext
{
    public abstract Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public sealed class DbUpdateException(string message, Exception? inner = null) : Exception(message, inner);

public static class HoldoutTaxonomy
{
    public static DataClassification Personal { get; } = new("Holdout3", nameof(Personal));
}

/// <summary>Personal data: the logging pipeline redacts it when logged through a source-generated method.</summary>
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(HoldoutTaxonomy.Personal)
    {
    }
}
