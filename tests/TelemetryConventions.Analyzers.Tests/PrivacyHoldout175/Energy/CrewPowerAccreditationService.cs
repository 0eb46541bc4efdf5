namespace PrivacyHoldout175.Energy;

/// <summary>Accredits the supplier's engineers for festival sites over gRPC, so that they can reach the generators.</summary>
public sealed class CrewPowerAccreditationService(
    IAccreditationStore accreditations,
    ILogger<CrewPowerAccreditationService> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Power.CrewAccreditation");

    public async Task<string> Issue(string crewId, string site, ServerCallContext context)
    {
        using var activity = Source.StartActivity("crew.accreditation.issue");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("site", site); // clean precision-names

        var accreditation = await accreditations.FindAsync(crewId, context.CancellationToken);
        if (accreditation is null)
        {
            throw new RpcException("NOT_FOUND", $"No accreditation for engineer {crewId}"); // leak TC1001 exceptions
        }

        try
        {
            if (accreditation.Role == "revoked")
            {
                throw new AccreditationRevokedException(accreditation.CrewId);
            }
        }
        catch (AccreditationRevokedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "accreditation revoked"); // clean exceptions
            return "revoked";
        }

        var crew = pseudonymizer.PseudonymizeSitepowerCrewId(crewId);
        using var span = Source.StartSitepowerOperation(site).SetSitepowerCrewId(crew).SetSitepowerOutcome("issued"); // clean generated-api
        span.SetSitepowerNote($"Role {accreditation.Role}, zone {accreditation.Zone}"); // clean generated-api
        logger.LogInformation("Issued accreditation {Accreditation}", accreditation); // leak TC1001 logging-objects
        logger.LogInformation("Issued {Role} accreditation for {Company}", accreditation.Role, accreditation.Company); // clean precision-names
        using (logger.BeginScope("Engineer {EngineerName}", accreditation.FullName)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Badge printed"); // clean precision-names
        }

        using (logger.BeginScope(new { accreditation.Zone, accreditation.Role })) // clean logging-objects
        {
            logger.LogInformation("Zone access granted"); // clean precision-names
        }

        activity?.SetTag("engineer", crew.Value); // clean precision-pseudonym
        return accreditation.Zone;
    }
}
