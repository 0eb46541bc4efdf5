using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using MediatR;

namespace PrivacyHoldout23.Support.SharedKernel;

// The building blocks the services share (a "SharedKernel" project): entities, aggregates, domain
// events, results and errors, specifications and repositories.

public interface IDomainEvent : INotification
{
    Guid EventId { get; }

    DateTimeOffset OccurredOn { get; }
}

public abstract record DomainEvent : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredOn { get; init; } = DateTimeOffset.UtcNow;
}

public abstract class Entity<TId>
    where TId : notnull
{
    protected Entity(TId id) => Id = id;

    public TId Id { get; protected set; }

    public override bool Equals(object? obj) => obj is Entity<TId> other && other.GetType() == GetType() && EqualityComparer<TId>.Default.Equals(Id, other.Id);

    public override int GetHashCode() => EqualityComparer<TId>.Default.GetHashCode(Id);
}

public interface IAggregateRoot
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    int Version { get; }

    void ClearDomainEvents();
}

public abstract class AggregateRoot<TId> : Entity<TId>, IAggregateRoot
    where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = new();

    protected AggregateRoot(TId id)
        : base(id)
    {
    }

    public int Version { get; protected set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void Raise(IDomainEvent domainEvent)
    {
        _domainEvents.Add(domainEvent);
        Version++;
    }

    public void ClearDomainEvents() => _domainEvents.Clear();
}

public enum ErrorType
{
    Failure,
    Validation,
    NotFound,
    Conflict,
}

public sealed record Error(string Code, string Description, ErrorType Type = ErrorType.Failure)
{
    public static readonly Error None = new(string.Empty, string.Empty);

    public static Error NotFound(string code, string description) => new(code, description, ErrorType.NotFound);

    public static Error Validation(string code, string description) => new(code, description, ErrorType.Validation);

    public static Error Conflict(string code, string description) => new(code, description, ErrorType.Conflict);

    public static Error Failure(string code, string description) => new(code, description, ErrorType.Failure);
}

public class Result
{
    protected Result(bool isSuccess, Error error)
    {
        IsSuccess = isSuccess;
        Error = error;
    }

    public bool IsSuccess { get; }

    public bool IsFailure => !IsSuccess;

    public Error Error { get; }

    public static Result Success() => new(true, Error.None);

    public static Result Failure(Error error) => new(false, error);

    public static Result<T> Success<T>(T value) => new(value, true, Error.None);

    public static Result<T> Failure<T>(Error error) => new(default, false, error);

    public static implicit operator Result(Error error) => Failure(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    internal Result(T? value, bool isSuccess, Error error)
        : base(isSuccess, error) => _value = value;

    [NotNull]
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The value of a failed result cannot be accessed.");

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure<T>(error);
}

/// <summary>Thrown when an aggregate's invariant is broken.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class NotFoundException(string entityName, object key)
    : Exception($"Entity \"{entityName}\" ({key}) was not found.")
{
    public string EntityName { get; } = entityName;
}

public sealed class ConcurrencyConflictException(string aggregateType, int expectedVersion)
    : Exception($"{aggregateType} was changed by another command (expected version {expectedVersion}).")
{
    public string AggregateType { get; } = aggregateType;
}

/// <summary>Guard clauses in the style of Ardalis.GuardClauses.</summary>
public interface IGuardClause;

public sealed class Guard : IGuardClause
{
    public static IGuardClause Against { get; } = new Guard();
}

public static class GuardClauseExtensions
{
    public static string NullOrWhiteSpace(this IGuardClause guard, [NotNull] string? input, string parameterName, string? message = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new ArgumentException(message ?? $"Required input {parameterName} was empty.", parameterName);
        }

        return input;
    }

    public static string InvalidFormat(this IGuardClause guard, string input, string parameterName, string regexPattern, string? message = null)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(input, regexPattern))
        {
            throw new ArgumentException(message ?? $"Input {parameterName} was not in required format", parameterName);
        }

        return input;
    }

    public static T Default<T>(this IGuardClause guard, T input, string parameterName)
    {
        if (EqualityComparer<T>.Default.Equals(input, default!))
        {
            throw new ArgumentException($"Parameter [{parameterName}] is default value for type {typeof(T).Name}", parameterName);
        }

        return input;
    }

    public static int NegativeOrZero(this IGuardClause guard, int input, string parameterName)
    {
        if (input <= 0)
        {
            throw new ArgumentException($"Required input {parameterName} cannot be zero or negative.", parameterName);
        }

        return input;
    }
}

/// <summary>A specification in the style of Ardalis.Specification.</summary>
public abstract class Specification<T>
{
    public abstract Expression<Func<T, bool>> Criteria { get; }

    public virtual string Name => GetType().Name;

    public int? Take { get; protected set; }

    public bool IsSatisfiedBy(T candidate) => Criteria.Compile()(candidate);
}

public interface IReadRepository<T>
    where T : class
{
    Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken = default);
}

public interface IRepository<T> : IReadRepository<T>
    where T : class
{
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    Task AddAsync(T entity, CancellationToken cancellationToken = default);

    Task UpdateAsync(T entity, CancellationToken cancellationToken = default);
}

public interface IUnitOfWork
{
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    IEnumerable<IAggregateRoot> TrackedAggregates { get; }
}

public static class DomainEventCollection
{
    public static List<IDomainEvent> Drain(this IUnitOfWork unitOfWork)
    {
        var events = unitOfWork.TrackedAggregates.SelectMany(a => a.DomainEvents).ToList();
        foreach (var aggregate in unitOfWork.TrackedAggregates)
        {
            aggregate.ClearDomainEvents();
        }

        return events;
    }
}
