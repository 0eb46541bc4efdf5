namespace PrivacyHoldout109.Education;

/// <summary>Sends the catering supplier the pupils' dietary needs for the term and reads back the supplier's unmatched-pupil report.</summary>
public sealed class CateringAllergenFeed(
    ActivitySource source,
    ILogger<CateringAllergenFeed> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint caterer)
{
    public void Send(string school, IReadOnlyList<(string StudentNumber, string PreferredName, string YearGroup, string Allergens, string ParentPhone)> pupils)
    {
        var fileName = $"DIET_{school}_{DateTime.UtcNow:yyyyMMdd}.csv";
        using var span = source.StartSisfeedTransfer(caterer.PartnerCode, "outbound");
        span.SetSisfeedFileName(fileName); // clean precision-names
        var lines = pupils.Select(p => Csv.Line(p.StudentNumber, p.PreferredName, p.YearGroup, p.Allergens, p.ParentPhone)).ToList();
        logger.LogInformation("Diet file for {School}: {ByYear}", school, pupils.GroupBy(p => p.YearGroup).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        foreach (var p in pupils.Where(p => p.Allergens.Contains("nut", StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogInformation("Nut allergy: {Name} in {Year}", p.PreferredName, p.YearGroup); // leak TC1001 direct
            logger.LogInformation("Nut allergy contact {Phone}", p.ParentPhone); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("diet.nut_allergy", tags: new ActivityTagsCollection { ["pupil"] = p.StudentNumber, ["year"] = p.YearGroup })); // leak TC1001 direct
        }
        logger.LogDebug("Diet rows {Rows}", lines); // leak TC1001 logging-objects
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), caterer.OutboundDir + "/" + fileName);
    }

    public void ReadUnmatched(string fileName)
    {
        using var span = source.StartSisfeedImport(caterer.PartnerCode, fileName);
        foreach (var row in Csv.Read(sftp.ReadAllText(caterer.InboundDir + "/" + fileName)))
        {
            logger.LogWarning("Caterer could not match {Row}", row.RawRecord); // leak TC1001 cross-member
            logger.LogSisfeedRowRejectedEvent(caterer.PartnerCode, "unmatched", sisfeedFileName: fileName, sisfeedStudentId: pseudonymizer.PseudonymizeSisfeedStudentId(row["student_number"])); // clean generated-api
            span.SetSisfeedNote($"unmatched {row["student_number"]}"); // leak TC1001 generated-api
        }
    }
}
