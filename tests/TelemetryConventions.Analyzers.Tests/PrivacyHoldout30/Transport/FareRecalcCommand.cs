using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.CommandLine;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Telemetry;

namespace PrivacyHoldout30.Transport;

public sealed record TapDay(string CardNumber, string Concession, decimal Charged, decimal Recalculated);

/// <summary>
/// <c>fares-ops recalc --date 2024-06-03 [--card 6335…]</c>: re-prices a day's taps after a fare-table fix and posts
/// the differences as adjustments.
/// </summary>
public sealed class FareRecalcCommand(ISqlRunner sql, ActivitySource source, Meter meter, ILogger<FareRecalcCommand> logger)
{
    private static readonly Meter FaresMeter = new("Transport.FaresOps");
    private static readonly Counter<long> Adjustments = FaresMeter.CreateCounter<long>("fares_ops.adjustments");

    private readonly Option<DateOnly> _date = new("--date", "Travel day to re-price") { IsRequired = true };
    private readonly Option<string?> _card = new("--card", "Only this travel card");

    public Command Build()
    {
        var command = new Command("recalc", "Re-prices a day's taps");
        command.AddOption(_date);
        command.AddOption(_card);
        command.SetHandler(RunAsync);
        return command;
    }

    private async Task RunAsync(InvocationContext context)
    {
        var date = context.ParseResult.GetValueForOption(_date);
        var onlyCard = context.ParseResult.GetValueForOption(_card);
        using var run = source.StartJobRun("recalc");
        logger.LogInformation("Re-pricing {Date}{Scope}", date, onlyCard is null ? "" : $" for card {onlyCard}"); // leak TC1001 strings

        var days = await sql.QueryAsync<TapDay>("select * from recalc_tap_days(@date, @onlyCard)", new { date, onlyCard });
        var failed = new List<string>();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var delta = day.Recalculated - day.Charged;
            if (delta == 0)
            {
                continue;
            }

            var posted = await sql.ExecuteAsync("insert into adjustments (card_number, travel_day, amount) values (@CardNumber, @date, @delta)", new { day.CardNumber, date, delta });
            if (posted == 0)
            {
                failed.Add(day.CardNumber);
                continue;
            }

            logger.LogInformation("Adjusted {Card}: {Charged} -> {Recalculated}", day.CardNumber, day.Charged, day.Recalculated); // leak TC1001 direct
            logger.LogDebug("Adjustment {@Adjustment}", new { day.CardNumber, delta, day.Concession }); // leak TC1001 logging-objects
            FaresLog.AdjustmentPosted(logger, day.CardNumber, delta); // leak TC1001 cross-member
            Adjustments.Add(1, new KeyValuePair<string, object?>("concession", day.Concession)); // clean precision-names
            Adjustments.Add(1, new KeyValuePair<string, object?>("card", day.CardNumber)); // leak TC1003 direct
            if ((i + 1) % 1_000 == 0)
            {
                logger.LogInformation("{Percent:P0} re-priced", (double)(i + 1) / days.Count); // clean precision-about
            }
        }

        run.SetJobRowsTouched(days.Count - failed.Count); // clean precision-about
        run.SetJobNote($"{failed.Count} adjustments not posted"); // clean precision-about
        run.SetJobNote("not posted: " + string.Join(",", failed)); // leak TC1001 generated-api
        meter.CreateJobRowsCounter().Add(failed.Count, "recalc", "not-posted"); // clean precision-names
    }
}

internal static partial class FaresLog
{
    [LoggerMessage(EventId = 8801, Level = LogLevel.Debug, Message = "Adjustment posted for card {CardNumber}: {Delta}")]
    public static partial void AdjustmentPosted(ILogger logger, string cardNumber, decimal delta);
}
