namespace PrivacyHoldout134.Transport;

/// <summary>A driver's or signaller's declaration of a new prescribed or over-the-counter medicine.</summary>
public sealed record MedicationDeclaration(string DeclarationId, string StaffNumber, string FullName, string Role, string Depot, string Medicine, string Dose, bool MayCauseDrowsiness, string? GpName, string? Notes);

/// <summary>The declaration was held for review; quotes the staff number and the medicine.</summary>
public sealed class DeclarationHeldException(string staffNumber, string medicine) : Exception($"Declaration by {staffNumber} held: {medicine} needs review")
{
    public string Medicine { get; } = medicine;
}

/// <summary>Occupational health's handler for medication declarations by safety-critical staff; drowsy medicines stand the person down until reviewed.</summary>
public sealed partial class SafetyCriticalMedicationDeclarationHandler(Pseudonymizer pseudonymizer, ILogger<SafetyCriticalMedicationDeclarationHandler> logger)
{
    private static readonly ActivitySource Source = new("Rail.OccHealth");
    private static readonly Meter Meter = new("Rail.OccHealth");
    private static readonly Counter<long> StandDowns = Meter.CreateCounter<long>("rail.occhealth.stand_downs");
    private readonly RailohReviewsCounter _reviews = Meter.CreateRailohReviewsCounter();

    public void Handle(MedicationDeclaration declaration, string reviewerId)
    {
        using var span = Source.StartRailohReview(railohDepot: declaration.Depot);
        span.SetRailohMedicine(declaration.Medicine); // clean precision-names
        span.SetRailohEmployeeId(pseudonymizer.PseudonymizeRailohEmployeeId(declaration.StaffNumber)); // clean precision-pseudonym
        span.SetRailohClinicianId(pseudonymizer.PseudonymizeRailohClinicianId(reviewerId)); // clean precision-pseudonym
        span.Activity?.SetTag("occhealth.role", declaration.Role); // clean precision-names
        span.Activity?.SetTag("occhealth.drowsy", declaration.MayCauseDrowsiness); // clean precision-about
        span.Activity?.SetTag("occhealth.gp", declaration.GpName); // leak TC1001 direct
        span.Activity?.SetTag("occhealth.notes.length", declaration.Notes?.Length ?? 0); // clean precision-about
        span.SetRailohNote(declaration.Notes); // leak TC1001 generated-api
        LogDeclaration(logger, declaration.DeclarationId, declaration.Medicine, declaration.Dose); // clean precision-names
        LogDeclarant(logger, declaration.FullName, declaration.Role); // leak TC1001 logging-objects

        try
        {
            if (declaration.MayCauseDrowsiness)
            {
                throw new DeclarationHeldException(declaration.StaffNumber, declaration.Medicine);
            }

            _reviews.Add(1, railohDepot: declaration.Depot, railohOutcome: "cleared"); // clean generated-api
        }
        catch (DeclarationHeldException ex)
        {
            span.RecordException(ex, "declaration held"); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, $"held: {ex.Message}"); // leak TC1001 exceptions
            StandDowns.Add(1, new TagList { { "depot", declaration.Depot }, { "role", declaration.Role } }); // clean precision-names
            StandDowns.Add(1, new TagList { { "depot", declaration.Depot }, { "staff", declaration.StaffNumber } }); // leak TC1003 direct
            _reviews.Add(1, railohDepot: declaration.Depot, railohOutcome: $"held:{pseudonymizer.ComputeRailohEmployeeId(declaration.StaffNumber)}"); // leak TC1003 precision-pseudonym
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Declaration {DeclarationId}: {Medicine} {Dose}")]
    private static partial void LogDeclaration(ILogger logger, string declarationId, string medicine, string dose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declared by {FullName} ({Role})")]
    private static partial void LogDeclarant(ILogger logger, string fullName, string role);
}
