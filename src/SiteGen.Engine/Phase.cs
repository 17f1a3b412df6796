namespace SiteGen.Engine;

/// <summary>
/// The four phases of a pipeline, as in Statiq. Input starts at once; Process waits for the Process phase
/// of the pipelines it depends on; PostProcess starts when every pipeline has finished Process; Output starts
/// when every pipeline has finished PostProcess, so nothing is written unless every pipeline got that far.
/// </summary>
public enum Phase
{
    Input,
    Process,
    PostProcess,
    Output,
}
