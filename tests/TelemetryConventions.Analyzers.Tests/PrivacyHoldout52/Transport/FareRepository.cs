using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Transport;

public sealed record FareCharge(decimal Fare, decimal NewBalance, bool CapReached);

public sealed record TimetableRow(string RouteCode, string StopCode, TimeOnly Departs);

public sealed record JourneyRow(long TapId, string StopCode, DateTimeOffset TappedAt, decimal Fare);

public interface IFaresConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Logs any Dapper command that took longer than the threshold, with its parameters.</summary>
public sealed class SlowQueryLog(ILogger<SlowQueryLog> logger)
{
    public void Write(CommandDefinition command, TimeSpan elapsed)
    {
        if (elapsed > TimeSpan.FromMilliseconds(400))
        {
            logger.LogWarning("Slow fares query {CommandText} took {ElapsedMs} ms with {@Parameters}", command.CommandText, elapsed.TotalMilliseconds, command.Parameters); // leak TC1001 logging-objects
        }
    }
}

public sealed class CardHotlistedException(string cardNumber)
    : Exception($"Card {cardNumber} is hotlisted");

/// <summary>Charges fares through the fares stored procedures and reads timetables and journeys for the app.</summary>
public sealed class FareRepository(IFaresConnectionFactory connections, IDistributedCache cache, SlowQueryLog slowQueries, ILogger<FareRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Transport.Fares");

    public async Task<FareCharge> ChargeAsync(string cardNumber, string stopCode, DateTimeOffset tappedAt, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("execute", "Fare").SetDataQueryName("fares.usp_ChargeFare");
        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(cardNumber)); // clean precision-pseudonym

        var parameters = new DynamicParameters();
        parameters.Add("@CardNumber", cardNumber);
        parameters.Add("@StopCode", stopCode);
        parameters.Add("@TappedAt", tappedAt);
        parameters.Add("@Fare", dbType: DbType.Decimal, direction: ParameterDirection.Output);
        parameters.Add("@NewBalance", dbType: DbType.Decimal, direction: ParameterDirection.Output);
        parameters.Add("@CapReached", dbType: DbType.Boolean, direction: ParameterDirection.Output);

        await using var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("fares.usp_ChargeFare", parameters, commandType: CommandType.StoredProcedure);
        }
        catch (SqlException ex) when (ex.Number == 50010)
        {
            // The procedure raises 50010 'Card hotlisted' with no arguments.
            span.RecordException(ex, includeMessage: true); // clean exceptions
            var hotlisted = new CardHotlistedException(cardNumber);
            span.RecordException(hotlisted, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Charge refused at {StopCode}: sql error {Number}", stopCode, ex.Number); // clean precision-about
            throw hotlisted;
        }

        var charge = new FareCharge(parameters.Get<decimal>("@Fare"), parameters.Get<decimal>("@NewBalance"), parameters.Get<bool>("@CapReached"));
        span.SetDataNote($"fare {charge.Fare:0.00}, cap {charge.CapReached}"); // clean generated-api
        logger.LogInformation("Charged {Fare} at {StopCode}; balance now {Balance}", charge.Fare, stopCode, charge.NewBalance); // clean precision-about
        logger.LogDebug("Charged card ending {Suffix}", cardNumber[^4..]); // clean precision-about
        logger.LogDebug("Charge parameters {Parameters}", JsonSerializer.Serialize(parameters.ParameterNames.ToDictionary(n => n, n => parameters.Get<object?>(n)))); // leak TC1001 strings
        return charge;
    }

    public async Task<IReadOnlyList<TimetableRow>> GetTimetableAsync(string operatorCode, string routeCode, DateOnly day, CancellationToken cancellationToken)
    {
        var cacheKey = $"tt:{operatorCode}:{routeCode}:{day:yyyyMMdd}";
        using var span = Source.StartDataOperation("query", "Timetable").SetDataQueryName("Timetable").SetDataCacheKey(cacheKey); // clean generated-api
        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "Timetable", dataCacheHit: cached is not null, dataCacheKey: $"tt:{operatorCode}:{routeCode}"); // clean generated-api
        if (cached is not null)
        {
            return JsonSerializer.Deserialize<List<TimetableRow>>(cached) ?? [];
        }

        var command = new CommandDefinition(
            "SELECT route_code, stop_code, departs FROM timetable.departures WHERE operator_code = @OperatorCode AND route_code = @RouteCode AND service_day = @Day",
            new { OperatorCode = operatorCode, RouteCode = routeCode, Day = day.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var rows = (await connection.QueryAsync<TimetableRow>(command)).ToList();
        slowQueries.Write(command, watch.Elapsed); // clean cross-member
        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(rows), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) }, cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<JourneyRow>> GetJourneysAsync(Guid riderId, string cardNumber, CancellationToken cancellationToken)
    {
        var cacheKey = $"journeys:{riderId:N}";
        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        if (cached is not null)
        {
            logger.LogDebug("Journeys served from {CacheKey}", cacheKey); // leak TC1001 strings
            return JsonSerializer.Deserialize<List<JourneyRow>>(cached) ?? [];
        }

        var command = new CommandDefinition(
            "SELECT tap_id, stop_code, tapped_at, fare FROM fares.journeys WHERE card_number = @CardNumber AND tapped_at > DATEADD(day, -30, SYSUTCDATETIME()) ORDER BY tapped_at DESC",
            new { CardNumber = cardNumber },
            cancellationToken: cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var rows = (await connection.QueryAsync<JourneyRow>(command)).ToList();
        slowQueries.Write(command, watch.Elapsed); // leak TC1001 cross-member

        var cardDigest = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(cardNumber)));
        Activity.Current?.SetTag("fares.card.digest", cardDigest); // leak TC1002 hashes
        Activity.Current?.SetTag("fares.journeys", rows.Count); // clean precision-about
        Activity.Current?.SetTag("fares.last_tap", rows.FirstOrDefault()?.TapId); // clean direct
        return rows;
    }
}

public sealed record TapMessage(long TapId, string CardNumber, string ReaderId, string StopCode, DateTimeOffset TappedAt);

/// <summary>Consumes taps from the gate readers and charges them.</summary>
public sealed class TapChargeConsumer(FareRepository fares, ILogger<TapChargeConsumer> logger)
{
    public async Task HandleAsync(TapMessage tap, CancellationToken cancellationToken)
    {
        try
        {
            await fares.ChargeAsync(tap.CardNumber, tap.StopCode, tap.TappedAt, cancellationToken);
        }
        catch (CardHotlistedException ex)
        {
            logger.LogWarning(ex, "Tap {TapId} at reader {ReaderId} refused", tap.TapId, tap.ReaderId); // leak TC1001 exceptions
        }
        catch (SqlException ex) when (ex.Number == 1205)
        {
            logger.LogWarning("Tap {TapId} lost a deadlock ({ExceptionType}); requeued", tap.TapId, ex.GetType().Name); // clean exceptions
        }
    }
}
