namespace C3V.Models.Doctor;

public enum DoctorStatus { Ok, Warning, Problem }

/// <summary>One line of <c>c3v doctor</c>'s table: what was checked, how it stands, what was found, and the fix when it is not fine.</summary>
public sealed record DoctorRow(string Check, DoctorStatus Status, string Found, string? Fix = null, double? Seconds = null)
{
    public static DoctorRow Ok(string check, string found, double? seconds = null) => new(check, DoctorStatus.Ok, found, null, seconds);
    public static DoctorRow Problem(string check, string found, string fix) => new(check, DoctorStatus.Problem, found, fix);
    public static DoctorRow Warning(string check, string found, string fix, double? seconds = null) => new(check, DoctorStatus.Warning, found, fix, seconds);
}
