package org.parathumb.core.image;

/** The pipeline contract, for the faithful pipeline. */
class FaithfulPipelineContractTest extends ThumbnailPipelineContract {

    @Override
    ThumbnailPipeline pipeline() {
        return new FaithfulPipeline();
    }
}
