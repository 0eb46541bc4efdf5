namespace PrivacyHoldout140.Support.MobilityPilot;

// The shapes of a transport operator's fare-capping and on-demand bus pilot: participants, trip diaries, incentives.

/// <summary>A pilot participant. Prints the participant id, the travel card number, the email and the home postcode.</summary>
public sealed record PilotParticipant(string ParticipantId, string TravelCardNumber, string Email, string HomePostcode);

/// <summary>A point from the trip diary app. Prints the participant id, the position, the time and the mode.</summary>
public sealed record DiaryPoint(string ParticipantId, double Latitude, double Longitude, DateTime At, string Mode);

/// <summary>A fare incentive arm. Prints the pilot, the arm and the discount.</summary>
public sealed record FareIncentiveArm(string PilotCode, string Arm, decimal Discount);

/// <summary>The travel card is not registered to the pilot; the message quotes the card number.</summary>
public sealed class CardNotRegisteredException(string travelCardNumber) : Exception($"Card {travelCardNumber} is not registered to the pilot");

/// <summary>A trip left the pilot zone; the message quotes the zone.</summary>
public sealed class OutsidePilotZoneException(string zone) : Exception($"Trip left pilot zone {zone}");
