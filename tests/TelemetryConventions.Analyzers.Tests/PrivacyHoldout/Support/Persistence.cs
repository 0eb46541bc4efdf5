using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout.Support;

/// <summary>An Entity Framework style set, reduced to what the repositories call.</summary>
public interface IDbSet<T>
    where T : class
{
    IQueryable<T> AsQueryable();

    Task<T?> FirstOrDefaultAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);

    Task<List<T>> ToListAsync(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default);

    void Add(T entity);
}

public interface IUnitOfWork
{
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Thrown by the data layer when an optimistic-concurrency check fails.</summary>
public sealed class DbUpdateConcurrencyException(string message) : Exception(message);
