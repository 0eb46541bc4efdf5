namespace PrivacyHoldout78.Healthcare;

public sealed record WristbandRequest(string HospitalNumber, string NameAsWritten, string Script, string WardCode);

/// <summary>A name the transliterator could not map; it quotes the name.</summary>
public sealed class TransliterationException(string name, char character)
    : Exception($"No Latin mapping for '{character}' in \"{name}\".")
{
    public char Character { get; } = character;
}

/// <summary>
/// Prints a patient's name on the wristband in Latin script beside the script it was registered in
/// (Arabic, Bengali, Cyrillic), so that staff who cannot read the script can still check identity.
/// </summary>
public sealed class WristbandTransliteration(ActivitySource source, ILogger<WristbandTransliteration> logger)
{
    public string Transliterate(WristbandRequest request, Func<string, string> toLatin)
    {
        using var span = source.StartCarecopyRender("wristband.name");
        span.SetCarecopyNote($"script {request.Script} on ward {request.WardCode}"); // clean generated-api
        try
        {
            var latin = toLatin(request.NameAsWritten);
            logger.LogInformation("Wristband name {Original} -> {Latin}", request.NameAsWritten, latin); // leak TC1001 direct
            span.Activity?.SetTag("wristband.latin_length", latin.Length); // clean precision-about
            return latin;
        }
        catch (TransliterationException ex)
        {
            logger.LogWarning("Unmapped character U+{Code:X4} in a {Script} name", (int)ex.Character, request.Script); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Wristband for {HospitalNumber} printed without transliteration", request.HospitalNumber); // leak TC1001 exceptions
            return request.NameAsWritten;
        }
    }
}
