package org.parathumb.core.image.pipeline;

import org.parathumb.core.image.ThumbnailPipeline;

/** The pipeline contract, for the faithful pipeline. */
class FaithfulPipelineContractTest extends ThumbnailPipelineContract {

    @Override
    ThumbnailPipeline pipeline() {
        return new FaithfulPipeline();
    }
}
