using System;
using System.Collections.Generic;

namespace PrivacyHoldout62.Support;

// The platform team's shared building blocks that every service references: a result type for
// application services and handlers, and paging. Only the shapes matter.

public sealed record Error(string Code, string Description)
{
    public static readonly Error None = new(string.Empty, string.Empty);
}

public sealed class Result<T>
{
    private Result(T? value, Error error, IReadOnlyList<Error> validationErrors)
    {
        Value = value;
        Error = error;
        ValidationErrors = validationErrors;
    }

    public T? Value { get; }

    public Error Error { get; }

    public IReadOnlyList<Error> ValidationErrors { get; }

    public bool IsSuccess => Error == Error.None && ValidationErrors.Count == 0;

    public bool IsInvalid => ValidationErrors.Count > 0;

    public static Result<T> Success(T value) => new(value, Error.None, Array.Empty<Error>());

    public static Result<T> Failure(Error error) => new(default, error, Array.Empty<Error>());

    public static Result<T> Invalid(IReadOnlyList<Error> errors) => new(default, Error.None, errors);
}

/// <summary>A page of a listing, as every list endpoint returns it.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasNextPage => Page < TotalPages;
}

/// <summary>Paging and sorting arguments bound from the query string.</summary>
public record PageRequest
{
    public const int MaxPageSize = 100;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public int Skip => (Math.Max(Page, 1) - 1) * Math.Clamp(PageSize, 1, MaxPageSize);
}
