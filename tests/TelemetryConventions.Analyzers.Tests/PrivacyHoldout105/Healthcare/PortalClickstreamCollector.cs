namespace PrivacyHoldout105.Healthcare;

/// <summary>
/// The patient portal's collector endpoint: the portal's tracker posts page views and clicks here, the collector
/// enriches them, validates them against their schemas and writes them to the enriched stream (or the bad-rows
/// stream). Portal paths carry the hospital number (<c>/patients/{mrn}/letters</c>).
/// </summary>
public sealed class PortalClickstreamCollector(
    IEventStream stream,
    ISchemaValidator validator,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PortalClickstreamCollector> logger)
{
    private readonly Counter<long> _pageViews = meter.CreateCounter<long>("portal.page_views", "{view}");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/com.snowplowanalytics.snowplow/tp2", (CollectorRequest request, PortalClickstreamCollector collector, CancellationToken ct) => collector.CollectAsync(request, ct));

    public async Task CollectAsync(CollectorRequest request, CancellationToken ct)
    {
        var activity = Activity.Current;
        EnrichedEvent enriched;
        try
        {
            enriched = Enrich(request);
        }
        catch (PayloadFormatException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Tracker payload from {UserAgent} could not be parsed", request.UserAgent); // clean exceptions
            return;
        }

        var span = Activity.Current.EnrichPtclickCollect(enriched.EventName);
        span.SetPtclickSchema(enriched.Schema?.ToString() ?? "none"); // clean generated-api
        span.SetPtclickSessionId(enriched.DomainSessionid ?? string.Empty); // clean precision-names
        span.SetPtclickVisitorId(pseudonymizer.PseudonymizePtclickVisitorId(enriched.DomainUserid ?? string.Empty)); // clean precision-pseudonym
        activity?.SetTag("portal.domain_userid", enriched.DomainUserid); // leak TC1001 direct
        activity?.SetTag("portal.network_userid", enriched.NetworkUserid); // leak TC1001 direct
        activity?.SetTag("portal.session.index", enriched.DomainSessionidx); // clean precision-about
        activity?.SetTag("url.path", enriched.PageUrlpath); // leak TC1001 strings
        activity?.SetTag("http.route", PortalRoutes.Template(enriched.PageUrlpath ?? "/")); // clean strings
        activity?.SetTag("user_agent.original", request.UserAgent); // clean precision-names
        activity?.SetTag("portal.referrer.host", enriched.RefrUrlhost); // clean strings
        activity?.SetTag("portal.campaign.source", enriched.MktSource); // clean precision-about
        logger.LogDebug("Collected {EventName} from {ClientAddress}", enriched.EventName, request.RemoteIp); // leak TC1001 direct

        if (enriched.Schema is { } schema && enriched.UnstructEvent is { } json)
        {
            var result = validator.Validate(schema, json);
            if (!result.IsValid)
            {
                foreach (var violation in result.Violations)
                {
                    logger.LogWarning("Schema violation at {Path} ({Keyword}): {Message}", violation.Path, violation.Keyword, violation.Message); // clean precision-names
                }

                var bad = new BadRow { Processor = "portal-enrich", Payload = request.Body ?? request.QueryString, Failure = result.Violations, FailedAt = DateTimeOffset.UtcNow };
                await stream.PutAsync("portal-bad", enriched.EventId.ToString(), JsonSerializer.SerializeToUtf8Bytes(bad), ct);
                logger.LogPtclickEventRejectedEvent(enriched.EventName, "invalid", ptclickSchema: schema.ToString(), ptclickNote: string.Join("; ", result.Violations.Select(v => v.Path))); // clean generated-api
                logger.LogInformation("Bad row for {Schema}: {Payload}", schema, bad.Payload); // leak TC1001 strings
                meter.CreatePtclickEventsCounter().Add(1, enriched.EventName, ptclickOutcome: "invalid"); // clean generated-api
                return;
            }
        }

        await stream.PutAsync("portal-enriched", enriched.DomainUserid ?? enriched.EventId.ToString(), JsonSerializer.SerializeToUtf8Bytes(enriched), ct);
        meter.CreatePtclickEventsCounter().Add(1, enriched.EventName, ptclickOutcome: "accepted"); // clean generated-api
        if (enriched.EventName == "page_view")
        {
            _pageViews.Add(1, new KeyValuePair<string, object?>("portal.visitor", pseudonymizer.ComputePtclickVisitorId(enriched.DomainUserid ?? string.Empty))); // leak TC1003 precision-pseudonym
            _pageViews.Add(1, new KeyValuePair<string, object?>("http.route", PortalRoutes.Template(enriched.PageUrlpath ?? "/"))); // clean strings
        }
    }

    private static EnrichedEvent Enrich(CollectorRequest request)
    {
        var query = UrlParts.ParseQuery(request.QueryString);
        var url = query.GetValueOrDefault("url") ?? string.Empty;
        return new EnrichedEvent
        {
            AppId = query.GetValueOrDefault("aid") ?? "portal",
            EventName = query.GetValueOrDefault("e") == "pv" ? "page_view" : "click",
            DomainUserid = query.GetValueOrDefault("duid"),
            NetworkUserid = request.Cookies.TryGetValue("sp", out var sp) ? sp : null,
            DomainSessionid = query.GetValueOrDefault("sid"),
            DomainSessionidx = int.TryParse(query.GetValueOrDefault("vid"), out var idx) ? idx : 1,
            UserId = query.GetValueOrDefault("uid"),
            UserIpaddress = request.RemoteIp,
            Useragent = request.UserAgent,
            PageUrl = url,
            PageUrlpath = UrlParts.Path(url),
            PageUrlquery = UrlParts.Query(url),
            PageReferrer = request.Referer,
            RefrUrlhost = request.Referer is null ? null : UrlParts.Host(request.Referer),
            MktSource = query.GetValueOrDefault("utm_source"),
            Schema = query.TryGetValue("schema", out var s) ? SchemaKey.Parse(s) : null,
            UnstructEvent = query.GetValueOrDefault("ue_pr"),
            CollectorTstamp = DateTimeOffset.UtcNow,
        };
    }
}

/// <summary>Turns a portal path into its route template, replacing the hospital number and other ids.</summary>
public static class PortalRoutes
{
    public static string Template(string path) =>
        string.Join('/', path.Split('/').Select((segment, i) => i > 0 && segment.Length > 0 && char.IsDigit(segment[^1]) ? "{id}" : segment));
}
