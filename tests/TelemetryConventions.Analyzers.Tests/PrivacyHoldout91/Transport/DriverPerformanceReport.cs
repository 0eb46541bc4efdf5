namespace PrivacyHoldout91.Transport;

/// <summary>A driver's week from the telematics data set.</summary>
public sealed record DriverWeek(string StaffNumber, string Name, string Depot, string Route, int HarshBraking, int Speeding, double OnTimeRatio, int Complaints);

/// <summary>
/// The depot managers' weekly driver performance report: depot and route averages, the drivers with the
/// most harsh-braking events for coaching, and the scorecards mailed to each depot.
/// </summary>
public sealed partial class DriverPerformanceReport(
    IReportDataSource data,
    IReportExecutionService reports,
    IRosterClient roster,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<DriverPerformanceReport> logger)
{
    private readonly Histogram<double> _onTime = meter.CreateHistogram<double>("ridershiprpt.driver.on_time", "1");
    private readonly Counter<long> _coaching = meter.CreateCounter<long>("ridershiprpt.coaching.flags", "{flag}");

    public async Task BuildAsync(string week, CancellationToken cancellationToken)
    {
        using var span = source.StartRidershiprptRender("rpt-driver-performance", "pdf");
        var table = await data.QueryAsync(new ReportQuery("driver-week", "SELECT staff_number, name, depot, route, harsh_braking, speeding, on_time, complaints FROM driver_week WHERE iso_week = @week", options.CommandTimeout) { Parameters = { ["@week"] = week } }, cancellationToken);
        var drivers = table.Rows.Select(r => new DriverWeek((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (int)r[4]!, (int)r[5]!, (double)r[6]!, (int)r[7]!)).ToList();
        span.SetRidershiprptRowCount(drivers.Count);

        foreach (var depot in drivers.GroupBy(d => d.Depot))
        {
            _onTime.Record(depot.Average(d => d.OnTimeRatio), new KeyValuePair<string, object?>("depot", depot.Key)); // clean precision-names
            logger.LogInformation("Depot {Depot}: {Drivers} drivers, {Braking} harsh braking events", depot.Key, depot.Count(), depot.Sum(d => d.HarshBraking));
        }

        var worst = drivers.OrderByDescending(d => d.HarshBraking).Take(options.TopN).ToList();
        logger.LogInformation("Most harsh braking: {Drivers}", string.Join(", ", worst.Select(d => $"{d.Name} ({d.HarshBraking})"))); // leak TC1001 strings
        logger.LogInformation("Most harsh braking: {Counts}", string.Join(", ", worst.Select(d => d.HarshBraking))); // clean precision-about
        LogCoachingList(logger, week, worst.Count, string.Join(",", worst.Select(d => d.StaffNumber))); // leak TC1001 strings
        span.SetRidershiprptDriverId(pseudonymizer.PseudonymizeRidershiprptDriverId(worst[0].StaffNumber)); // clean precision-pseudonym
        foreach (var driver in worst)
        {
            _coaching.Add(1, new KeyValuePair<string, object?>("depot", driver.Depot), new KeyValuePair<string, object?>("reason", "harsh_braking")); // clean precision-names
            _coaching.Add(1, new KeyValuePair<string, object?>("driver", driver.StaffNumber)); // leak TC1003 direct
            Activity.Current?.AddEvent(new ActivityEvent("coaching.flagged", tags: new ActivityTagsCollection { ["driver"] = pseudonymizer.ComputeRidershiprptDriverId(driver.StaffNumber), ["route"] = driver.Route })); // clean precision-pseudonym
        }

        var complained = drivers.Where(d => d.Complaints > 0).ToDictionary(d => d.Name, d => d.Complaints);
        logger.LogInformation("Complaints per driver {Complaints}", complained); // leak TC1001 logging-objects
        logger.LogInformation("Drivers with complaints: {Count}", complained.Count);

        foreach (var depot in drivers.GroupBy(d => d.Depot))
        {
            try
            {
                foreach (var driver in depot)
                {
                    await roster.EnsureRosteredAsync(driver.StaffNumber, week, cancellationToken);
                }

                await reports.RenderAsync("/Fleet/DriverScorecards", new[] { new ReportParameter("Depot", depot.Key), new ReportParameter("Week", week) }, RenderFormat.Pdf, cancellationToken);
            }
            catch (ReportServerException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
            catch (DriverNotRosteredException ex)
            {
                logger.LogError(ex, "Scorecards for {Depot} failed", depot.Key); // leak TC1001 exceptions
                span.SetRidershiprptNote(ex.GetType().Name); // clean exceptions
            }
        }
    }

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Coaching list for {Week}: {Count} drivers {StaffNumbers}")]
    private static partial void LogCoachingList(ILogger logger, string week, int count, string staffNumbers);
}

/// <summary>The rostering system: a scorecard is only rendered for drivers who had duties that week.</summary>
public interface IRosterClient
{
    Task EnsureRosteredAsync(string staffNumber, string week, CancellationToken cancellationToken = default);
}

/// <summary>The rostering system's refusal to score a driver it has no duties for; quotes the staff number.</summary>
public sealed class DriverNotRosteredException(string staffNumber, string week)
    : Exception($"Driver {staffNumber} has no rostered duties in {week}");
