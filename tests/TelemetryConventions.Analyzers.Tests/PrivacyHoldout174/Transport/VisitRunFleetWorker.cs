namespace PrivacyHoldout174.Transport;

/// <summary>Plans the pool cars of the home care visit runs each morning from the rota and tracks the carers' check-ins.</summary>
public sealed class VisitRunFleetWorker(ILogger<VisitRunFleetWorker> logger, IRotaStore rota, IQueueReceiver<VisitCheckIn> checkIns, Pseudonymizer pseudonymizer, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("CommunityTransport.VisitRuns");
    private static readonly Histogram<double> Lateness = new Meter("CommunityTransport.VisitRuns").CreateHistogram<double>("visit_runs.lateness");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var checkIn = await checkIns.ReceiveAsync(stoppingToken);
            if (checkIn is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("visit_run.check_in");
            activity?.SetTag("visit.id", checkIn.VisitId); // clean precision-about
            activity?.SetTag("visit.fix", checkIn.Fix.ToString()); // leak TC1001 direct
            activity?.SetTag("visit.fix_rounded", $"{Math.Round(checkIn.Fix.Latitude, 1)},{Math.Round(checkIn.Fix.Longitude, 1)}"); // clean precision-about
            activity?.SetTag("visit.carer", pseudonymizer.PseudonymizeCarerideCarerId(checkIn.CarerId).Value); // clean precision-pseudonym
            Lateness.Record(3.5, new KeyValuePair<string, object?>("carer", pseudonymizer.PseudonymizeCarerideCarerId(checkIn.CarerId).Value)); // leak TC1003 precision-pseudonym
            Lateness.Record(3.5, new KeyValuePair<string, object?>("depot", "east-depot")); // clean precision-about

            var carer = await rota.CarerAsync(checkIn.CarerId, stoppingToken);
            if (carer is not null)
            {
                logger.LogInformation("Check-in by {Carer} at {Time}", carer.FullName, checkIn.At); // leak TC1001 direct
                logger.LogInformation("Check-in at branch {Branch}", carer.Branch); // clean precision-about
            }
        }
    }

    public async Task PlanAsync(VisitRound round, PoolCar car, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarerideOperation(car.Depot);
        span.SetCarerideNote($"Car {car.Registration}, {car.Mileage} miles"); // clean generated-api
        logger.LogInformation("Round {Round}", round); // clean logging-objects
        logger.LogInformation("Round {RoundId} carers {Carers}", round.RoundId, string.Join(", ", round.CarerNames)); // leak TC1001 strings

        var visits = await rota.ForRoundAsync(round.RoundId, cancellationToken);
        span.SetCarerideItemCount(visits.Count); // clean generated-api
        logger.LogInformation("Round {RoundId} stops {Stops}", round.RoundId, visits.Select(v => v.ClientId).ToArray()); // leak TC1001 logging-objects
        try
        {
            await rota.AssignAsync(visits[0].VisitId, visits[0].CarerId, cancellationToken);
        }
        catch (CarerUnavailableException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            CarerideOperationsCounter.For(meter).Add(1, carerideDepot: car.Depot, carerideOutcome: ex.GetType().Name); // clean exceptions
        }
        catch (LateVisitException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }
}
