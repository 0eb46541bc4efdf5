using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;

namespace PrivacyHoldout23.Media;

public sealed record ContinueWatchingItem(ProfileId Profile, TitleId TitleId, TimeSpan Position, DateTimeOffset LastWatched);

public sealed class ContinueWatchingSpec : Specification<ContinueWatchingItem>
{
    private readonly ProfileId _profile;

    public ContinueWatchingSpec(ProfileId profile, int take)
    {
        _profile = profile;
        Take = take;
    }

    public override Expression<Func<ContinueWatchingItem, bool>> Criteria => item => item.Profile == _profile;

    public override string ToString() => $"{Name}(Take = {Take})";
}

public sealed record GetContinueWatchingQuery(Guid ProfileId, int Take = 20) : IRequest<Result<IReadOnlyList<ContinueWatchingItem>>>;

internal sealed class GetContinueWatchingQueryHandler : IRequestHandler<GetContinueWatchingQuery, Result<IReadOnlyList<ContinueWatchingItem>>>
{
    private readonly IReadRepository<ContinueWatchingItem> _readModel;
    private readonly ILogger<GetContinueWatchingQueryHandler> _logger;
    private readonly Counter<long> _profileReads;

    public GetContinueWatchingQueryHandler(IReadRepository<ContinueWatchingItem> readModel, Meter meter, ILogger<GetContinueWatchingQueryHandler> logger)
    {
        _readModel = readModel;
        _logger = logger;
        _profileReads = meter.CreateCounter<long>("media.continue_watching.reads");
    }

    public async Task<Result<IReadOnlyList<ContinueWatchingItem>>> Handle(GetContinueWatchingQuery request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("profile.id", request.ProfileId); // leak TC1001 direct

        var specification = new ContinueWatchingSpec(new ProfileId(request.ProfileId), request.Take);
        _logger.LogDebug("Read model query {Specification}", specification); // clean logging-objects

        var items = await _readModel.ListAsync(specification, cancellationToken);
        activity?.SetTag("continue_watching.count", items.Count); // clean precision-about
        activity?.SetTag("continue_watching.titles", string.Join(",", items.Select(i => i.TitleId.Value))); // clean precision-names
        _profileReads.Add(1, new KeyValuePair<string, object?>("profile", request.ProfileId)); // leak TC1003 direct
        return items;
    }
}

/// <summary>Records the duration and outcome of every request of the subscription API.</summary>
public sealed class CommandMetricsBehavior<TRequest, TResponse>(Meter meter) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
    where TResponse : Result
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(cancellationToken);
        var name = typeof(TRequest).Name;

        meter.CreateCommandDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, name); // clean precision-names
        meter.CreateCommandHandledCounter().Add(1, name, commandOutcome: response.IsSuccess ? "ok" : "failed", commandErrorCode: response.Error.Code); // clean precision-about
        return response;
    }
}
