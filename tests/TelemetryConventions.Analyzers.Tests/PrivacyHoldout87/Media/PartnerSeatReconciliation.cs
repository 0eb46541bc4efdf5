namespace PrivacyHoldout87.Media;

/// <summary>
/// Nightly reconciliation of partner seats against the rights system's licence counts: seats over
/// the licensed count, and orphaned seats still held by people no longer in the partner's tenant.
/// </summary>
public sealed class PartnerSeatReconciliation(ITenantStore tenants, ISeatStore seats, Pseudonymizer pseudonymizer, ILogger<PartnerSeatReconciliation> logger)
{
    private static readonly ActivitySource Source = new("Partner.Tenancy.Reconcile");
    private static readonly Meter Meter = new("Partner.Tenancy.Reconcile");
    private static readonly Counter<long> Orphans = Meter.CreateCounter<long>("partner.seats.orphaned", "{seat}");

    public async Task ReconcileAsync(Tenant partner, int licensedSeats, CancellationToken ct)
    {
        using var span = Source.StartPartnerseatsSeatAssign(partner.TenantId);
        var all = await seats.SeatsAsync(partner.TenantId, ct);
        var members = (await tenants.MembersAsync(partner.TenantId, ct)).Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        span.SetPartnerseatsSeatCount(all.Count); // clean precision-about
        if (all.Count > licensedSeats)
        {
            var ex = new SeatLimitExceededException(partner.TenantId, partner.Plan, licensedSeats);
            Activity.Current?.AddException(ex); // clean exceptions
            span.SetPartnerseatsNote($"{all.Count - licensedSeats} seats over the {licensedSeats} licensed"); // clean generated-api
        }

        foreach (var seat in all.Where(s => !s.IsFree && !members.Contains(s.AssignedTo!)))
        {
            Orphans.Add(1, new KeyValuePair<string, object?>("partner", partner.TenantId), new KeyValuePair<string, object?>("sku", seat.Sku)); // clean precision-about
            logger.LogWarning("Orphaned seat {Seat}", seat); // leak TC1001 logging-objects
            logger.LogWarning("Orphaned seat {SeatId} held since {Since}", seat.SeatId, seat.AssignedAt); // clean precision-about
            span.SetPartnerseatsNote($"orphan {seat.SeatId} held by {seat.AssignedTo}"); // leak TC1001 generated-api
            span.SetPartnerseatsPartneruserId(pseudonymizer.PseudonymizePartnerseatsPartneruserId(seat.AssignedTo!)); // clean precision-pseudonym
            try
            {
                await seats.ReleaseAsync(seat.SeatId, ct);
            }
            catch (DuplicateMemberException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError("Release of {SeatId} failed: {ExceptionType}", seat.SeatId, ex.GetType().Name); // clean exceptions
            }
        }

        var orphanHolders = all.Where(s => !s.IsFree && !members.Contains(s.AssignedTo!)).Select(s => s.AssignedTo!).ToList();
        Activity.Current?.SetBaggage("reconcile.first_orphan", orphanHolders.FirstOrDefault()); // leak TC1001 cross-member
        Activity.Current?.SetTag("reconcile.orphans", orphanHolders.Count); // clean precision-about
        Orphans.Add(orphanHolders.Count, new KeyValuePair<string, object?>("holders", string.Join("|", orphanHolders))); // leak TC1003 strings
    }
}
