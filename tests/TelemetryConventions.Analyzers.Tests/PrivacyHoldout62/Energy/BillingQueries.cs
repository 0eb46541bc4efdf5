using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Mapster;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;

namespace PrivacyHoldout62.Energy;

/// <summary>A query whose result the API may serve from the distributed cache.</summary>
public interface ICacheableQuery
{
    string CacheKey { get; }

    TimeSpan CacheFor { get; }
}

public sealed record GetBillsQuery(string AccountNumber, int Page = 1, int PageSize = 12, string SortBy = "issuedOn") : IRequest<PagedList<BillDto>>, ICacheableQuery
{
    public string CacheKey => $"bills:{AccountNumber}:{Page}:{PageSize}:{SortBy}";

    public TimeSpan CacheFor => TimeSpan.FromMinutes(10);
}

public sealed record GetTariffsQuery(string Region, bool OpenToNewCustomers) : IRequest<IReadOnlyList<TariffDto>>, ICacheableQuery
{
    public string CacheKey => $"tariffs:{Region}:{OpenToNewCustomers}";

    public TimeSpan CacheFor => TimeSpan.FromHours(1);
}

public sealed record BillDto(string BillId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal AmountDue, string Status);

public sealed record TariffDto(string Code, string Name, decimal UnitRatePence, decimal StandingChargePence);

public sealed class Bill
{
    public required string Id { get; init; }

    public required string AccountNumber { get; init; }

    public required string HolderName { get; init; }

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public decimal AmountDue { get; init; }

    public string Status { get; init; } = "issued";
}

public interface IBillRepository
{
    Task<(IReadOnlyList<Bill> Bills, int Total)> PageAsync(string accountNumber, int skip, int take, string sortBy, CancellationToken cancellationToken);
}

public interface IQueryCache
{
    Task<(bool Hit, object? Value)> TryGetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, object? value, TimeSpan lifetime, CancellationToken cancellationToken);
}

// Registered for the queries that implement ICacheableQuery: GetBillsQuery and GetTariffsQuery.
public sealed class QueryCachingBehaviour<TRequest, TResponse>(IQueryCache cache, ILogger<QueryCachingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICacheableQuery
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var (hit, cached) = await cache.TryGetAsync(request.CacheKey, cancellationToken);
        Activity.Current?.SetTag("cache.hit", hit); // clean precision-about
        if (hit && cached is TResponse response)
        {
            logger.LogDebug("Cache hit for {CacheKey}", request.CacheKey); // leak TC1001 strings
            return response;
        }

        var started = Stopwatch.GetTimestamp();
        var result = await next(cancellationToken);
        BillingTelemetry.QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("query", typeof(TRequest).Name)); // clean precision-names
        await cache.SetAsync(request.CacheKey, result, request.CacheFor, cancellationToken);
        logger.LogDebug("Cached {QueryName} for {Minutes} minutes", typeof(TRequest).Name, request.CacheFor.TotalMinutes); // clean precision-names
        return result;
    }
}

public sealed class GetBillsHandler(IBillRepository bills, ILogger<GetBillsHandler> logger) : IRequestHandler<GetBillsQuery, PagedList<BillDto>>
{
    private static readonly HashSet<string> SortableFields = new(StringComparer.OrdinalIgnoreCase) { "issuedOn", "amountDue", "status" };

    public async Task<PagedList<BillDto>> Handle(GetBillsQuery query, CancellationToken cancellationToken)
    {
        var sortBy = SortableFields.Contains(query.SortBy) ? query.SortBy : "issuedOn";
        if (!string.Equals(sortBy, query.SortBy, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Unsupported sort field {SortBy}, using {Fallback}", query.SortBy, sortBy); // clean precision-names
        }

        var legacyKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(query.AccountNumber)));
        logger.LogDebug("Reading bills from legacy partition {LegacyKey}", legacyKey); // leak TC1002 hashes

        var pageSize = Math.Clamp(query.PageSize, 1, 24);
        var (items, total) = await bills.PageAsync(query.AccountNumber, (query.Page - 1) * pageSize, pageSize, sortBy, cancellationToken);
        var dtos = items.Select(b => b.Adapt<BillDto>()).ToList();
        logger.LogDebug("Bills page {@Bills}", dtos); // clean logging-objects
        if (items.Count > 0)
        {
            logger.LogDebug("Latest bill {@Bill}", items[0]); // leak TC1001 logging-objects
        }
        Activity.Current?.SetTag("billing.bills.returned", dtos.Count);
        return new PagedList<BillDto>(dtos, query.Page, pageSize, total);
    }
}
