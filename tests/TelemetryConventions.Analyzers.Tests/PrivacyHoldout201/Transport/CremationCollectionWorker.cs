namespace PrivacyHoldout201.Transport;

/// <summary>A collection or ashes-return job for the crematorium's vans.</summary>
public sealed record VanJob(string JobId, string VanId, string Kind, string PetId, string PetName, string OwnerName, string OwnerMobile, string Address, string Postcode, string CremationType);

public sealed class AddressNotFoundException(string address, string postcode)
    : Exception($"Route planner cannot find {address}, {postcode}");

public sealed class VanUnavailableException(string vanId, string depot)
    : Exception($"Van {vanId} at {depot} is off the road");

/// <summary>Reads the crematorium's van jobs (home collections after euthanasia, returns of ashes) and plans the rounds.</summary>
public sealed class CremationCollectionWorker(
    IQueueReceiver<VanJob> jobs,
    ICrematorium crematorium,
    IOwnerMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CremationCollectionWorker> logger) : BackgroundService
{
    private readonly Counter<long> _jobs = meter.CreateCounter<long>("pettravel.van_jobs");
    private readonly List<VanJob> _failedReturns = new();
    private int _collections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await jobs.ReceiveAsync(stoppingToken);
            if (job is null)
            {
                continue;
            }

            using var activity = source.StartActivity("van.job");
            activity?.SetTag("pettravel.job.id", job.JobId); // clean precision-names
            activity?.SetTag("pettravel.van.id", job.VanId); // clean precision-names
            activity?.SetTag("pettravel.job.kind", job.Kind); // clean precision-about
            activity?.SetTag("pettravel.cremation.type", job.CremationType); // clean precision-about
            activity?.SetTag("pettravel.postcode.district", job.Postcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("pettravel.postcode", job.Postcode); // leak TC1001 direct
            activity?.SetTag("pettravel.address", job.Address); // leak TC1001 direct
            activity?.SetTag("pettravel.owner.name", job.OwnerName); // leak TC1001 direct
            activity?.SetTag(PettravelAttributes.Contact, job.OwnerMobile); // leak TC1001 generated-api
            logger.LogInformation("Job {JobId} for {PetName} on van {VanId}", job.JobId, job.PetName, job.VanId); // clean precision-names
            logger.LogInformation("Job {Job}", job); // leak TC1001 logging-objects
            logger.LogInformation("Stop: {Stop}", $"{job.Address}, {job.Postcode}"); // leak TC1001 strings
            logger.LogInformation("Stop: {Stop}", string.Concat(job.VanId, "/", job.JobId)); // clean strings

            try
            {
                if (job.Kind == "ashes-return")
                {
                    var ashes = new AshesReturn(job.JobId, job.OwnerName, job.Address, job.Postcode);
                    logger.LogInformation("Ashes return {@Return}", ashes); // leak TC1001 logging-objects
                    var order = await crematorium.BookAsync(job.PetId, job.CremationType, ashes, stoppingToken);
                    logger.LogInformation("Order {@Order}", order); // clean logging-objects
                }
                else
                {
                    _collections++;
                }

                await messenger.SendTextAsync(job.OwnerMobile, "Our driver is on the way.", stoppingToken);
            }
            catch (AddressNotFoundException ex)
            {
                _failedReturns.Add(job);
                logger.LogWarning(ex, "Job {JobId} not routed", job.JobId); // leak TC1001 exceptions
                activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
                logger.LogPettravelOperationFailedEvent("vans", "no-route", pseudonymizer.PseudonymizePettravelClientId(job.OwnerMobile), ex.Message); // leak TC1001 generated-api
            }
            catch (VanUnavailableException ex)
            {
                logger.LogWarning(ex, "Van down"); // clean exceptions
                logger.LogPettravelOperationFailedEvent("vans", "van-down", pseudonymizer.PseudonymizePettravelClientId(job.OwnerMobile), ex.Message); // clean generated-api
            }

            var owner = pseudonymizer.ComputePettravelClientId(job.OwnerMobile);
            logger.LogInformation("Owner {Owner} served by van {VanId}", owner, job.VanId); // clean precision-pseudonym
            activity?.AddEvent(new ActivityEvent("served", tags: new ActivityTagsCollection { ["owner"] = owner })); // clean precision-pseudonym
            activity?.SetTag("pettravel.owner.fromcomputed", Pseudonym.FromComputed(job.OwnerMobile)); // leak TC1001 precision-pseudonym
            _jobs.Add(1, new KeyValuePair<string, object?>("kind", job.Kind)); // clean precision-about
            _jobs.Add(1, new KeyValuePair<string, object?>("owner", owner)); // leak TC1003 precision-pseudonym
            activity?.SetTag("pettravel.owner.hash", HashCode.Combine(job.OwnerName, job.Postcode)); // leak TC1002 hashes
            meter.CreatePettravelOperationDurationHistogram().Record(1.5, "vans"); // clean generated-api
        }
    }

    public void EndOfRound()
    {
        logger.LogInformation("Collections today {Count}", _collections); // clean cross-member
        logger.LogWarning("Failed returns {Jobs}", _failedReturns.Select(j => j.JobId).ToArray()); // clean cross-member
        logger.LogWarning("Failed returns to {Addresses}", _failedReturns.Select(j => j.Address).ToArray()); // leak TC1001 cross-member
        Activity.Current?.SetTag("pettravel.failed_returns", _failedReturns.Count); // clean cross-member
    }
}
