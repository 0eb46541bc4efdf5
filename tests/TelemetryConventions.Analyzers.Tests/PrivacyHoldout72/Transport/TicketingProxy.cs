using System.Net.Http.Headers;

namespace PrivacyHoldout72.Transport;

/// <summary>
/// The ticketing routes of the rider app are proxied to the operator's ticketing back office:
/// <c>/api/cards/{cardNumber}/…</c> for card top-ups and history and <c>/api/tickets/{ticketId}</c>.
/// The back office authenticates the gateway with its own client credentials; the rider's identity
/// travels as a signed header.
/// </summary>
public sealed class TicketingTransform(ITokenExchangeClient exchange, Pseudonymizer pseudonymizer, ILogger<TicketingTransform> logger) : RequestTransform
{
    private DownstreamToken? _clientToken;

    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        // Client credentials of the gateway itself: one token for every rider.
        _clientToken ??= await exchange.ExchangeAsync("client_credentials", "ticketing", context.CancellationToken);
        context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _clientToken.AccessToken);
        logger.LogDebug("Ticketing client token {Token} for {Audience}", _clientToken.AccessToken, _clientToken.Audience); // clean precision-names

        var riderId = context.HttpContext.User.FindFirst("sub")!.Value;
        var cardNumber = context.HttpContext.Request.RouteValues.TryGetValue("cardNumber", out var card) ? card?.ToString() : null;
        AddHeader(context, "X-Rider", riderId);
        RemoveHeader(context, "Cookie");

        var span = Activity.Current.EnrichJourneyRequest("journey-ticketing").SetJourneyRiderId(pseudonymizer.PseudonymizeJourneyRiderId(riderId)); // clean precision-pseudonym
        if (cardNumber is not null)
        {
            span.SetJourneyNote("card route, last four " + cardNumber[^4..]); // clean generated-api
            span.SetJourneyNote("card route " + cardNumber); // leak TC1001 generated-api
            Activity.Current?.SetTag("journey.ticketing.path", context.Path.Value); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("journey.ticketing.method", context.HttpContext.Request.Method); // clean precision-about
        Activity.Current?.SetTag("journey.ticketing.rider", riderId); // leak TC1001 direct
    }
}

/// <summary>
/// Maps the back office's failures to the app's messages. Its 409 on a top-up says
/// "Card 6335 9712 3456 7890 is hotlisted"; its other error bodies are fixed codes
/// (`{"error":"unavailable"}`, `{"error":"not_found"}`).
/// </summary>
public sealed class TicketingErrorMapper(Meter meter, ILogger<TicketingErrorMapper> logger)
{
    private readonly Counter<long> _errors = meter.CreateCounter<long>("journey.ticketing.errors");

    public async Task<GatewayProblem> MapAsync(HttpContext http, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        var correlationId = Correlation.For(http);
        _errors.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("route", http.GetEndpoint()?.DisplayName)); // clean precision-names

        if (status == 409)
        {
            var problem = new DownstreamException("ticketing", status, body);
            logger.LogWarning(problem, "Top-up refused ({CorrelationId})", correlationId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "ticketing:409"); // clean exceptions
            return new GatewayProblem(409, "This card can't be topped up", body, correlationId);
        }

        logger.LogError("Ticketing answered {Status}: {Body} ({CorrelationId})", status, body, correlationId); // clean strings
        return new GatewayProblem(502, "Ticketing is unavailable", null, correlationId);
    }
}
